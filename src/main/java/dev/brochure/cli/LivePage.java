package dev.brochure.cli;

import dev.brochure.inspect.preview.LivePages;

/** The HTML of {@code brochure watch}'s page: self-contained (inline style and script). */
final class LivePage {

    private LivePage() {
    }

    static String html(LiveServer.Snapshot s) {
        StringBuilder body = new StringBuilder();
        body.append("<header><b>brochure watch</b> <span id=\"status\">").append(escape(s.status())).append("</span>");
        if (s.pdf() != null) {
            body.append(" <a href=\"/brochure.pdf\">PDF</a>");
        }
        body.append("</header>\n");
        if (!s.errors().isEmpty()) {
            body.append("<section id=\"errors\"><h2>The last build failed").append(s.pages().isEmpty() ? ""
                    : "; the pages below are from the last good build").append("</h2>\n<pre>");
            for (String error : s.errors()) {
                body.append(escape(error)).append('\n');
            }
            body.append("</pre></section>\n");
        }
        body.append("<main>\n");
        for (LivePages.Page page : s.pages()) {
            body.append("<figure><img src=\"/page/").append(page.imageId()).append(".png")
                    .append("\" alt=\"").append(escape(page.text())).append("\"><figcaption>")
                    .append(page.number()).append("</figcaption></figure>\n");
        }
        body.append("</main>\n");
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>brochure watch</title>
                <style>
                body{margin:0;font:14px system-ui,sans-serif;background:#525659;color:#fff}
                header{position:sticky;top:0;padding:6px 12px;background:#323639}
                header a{color:#9cf}
                #errors{background:#fff;color:#000;margin:12px;padding:8px 12px;border-left:6px solid #c00}
                #errors pre{white-space:pre-wrap;margin:0}
                main{display:flex;flex-wrap:wrap;gap:16px;justify-content:center;padding:16px}
                figure{margin:0;text-align:center}
                img{display:block;background:#fff;box-shadow:0 2px 8px #0008;max-width:100%}
                </style></head>
                <body data-version="{{version}}">
                {{body}}<script>
                // After a build the page takes the new header, errors and pages in place (images
                // whose names did not change come from the browser's cache); reloads if that fails.
                const events = new EventSource('/events');
                let wanted = document.body.dataset.version;
                events.addEventListener('build', async e => {
                  if (e.data === wanted) return;
                  wanted = e.data;
                  try {
                    const next = new DOMParser().parseFromString(await (await fetch('/')).text(), 'text/html');
                    // A later build's event is on its way: its update will take over.
                    if (next.body.dataset.version !== wanted) return;
                    document.getElementById('errors')?.remove();
                    document.querySelector('header').replaceWith(next.querySelector('header'));
                    const errors = next.getElementById('errors');
                    if (errors) document.querySelector('main').before(errors);
                    document.querySelector('main').replaceWith(next.querySelector('main'));
                    document.body.dataset.version = next.body.dataset.version;
                  } catch (failed) {
                    location.reload();
                  }
                });
                </script>
                </body></html>
                """.replace("{{version}}", Long.toString(s.version())).replace("{{body}}", body);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
