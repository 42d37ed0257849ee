Subject: Your invitation to the OPTML Group, ${recipient.first_name}

Dear ${recipient.first_name} ${recipient.last_name},

thank you for your interest in the ${recipient.programme} at Michigan State University.
Attached is a brochure about the OPTML Group that we put together for you: who we are, what
we work on, and how to apply before ${recipient.deadline}.

${recipient.advisor} will be glad to answer your questions.

With best regards,
The OPTML Group
--- html ---
<p>Dear ${recipient.first_name} ${recipient.last_name},</p>
<p>thank you for your interest in the ${recipient.programme} at Michigan State University.
Attached is a brochure about the OPTML Group that we put together for you: who we are, what
we work on, and how to apply before ${recipient.deadline}.</p>
<p>${recipient.advisor} will be glad to answer your questions.</p>
<p>With best regards,<br>The OPTML Group</p>
