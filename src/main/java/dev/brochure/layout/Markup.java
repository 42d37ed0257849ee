package dev.brochure.layout;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML a layout descriptor produced, read into a small immutable tree. The parser accepts
 * no DTD and resolves no entities, so template output can never pull in outside files.
 */
final class Markup {

    /** A node of the tree: an element, a run of text, or a source marker left by a content value. */
    sealed interface Node permits Element, Text, SourceMark {
    }

    /**
     * An element; {@code marks} name the content values written into its attributes (their marks
     * stand right before its tag); {@code offset} is where its start tag begins in the parsed
     * text (-1 when unknown), so that a problem can be traced to the template that wrote it.
     */
    record Element(String name, Map<String, String> attributes, List<Node> children, int line, List<SourceMark> marks,
            int offset) implements Node {
        Element {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            children = List.copyOf(children);
            marks = List.copyOf(marks);
        }

        Element(String name, Map<String, String> attributes, List<Node> children, int line) {
            this(name, attributes, children, line, List.of(), -1);
        }

        List<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }
    }

    record Text(String text) implements Node {
    }

    /** {@code <?src N?>}: content value N of the run's {@link SourceTable} is shown from here on. */
    record SourceMark(String number) implements Node {
    }

    /** Malformed output: the message and the output line it is on. */
    static final class MalformedException extends Exception {
        final int line;
        /** The column on that line, from 1; 0 when the parser does not say. */
        final int column;

        MalformedException(String message, int line) {
            this(message, line, 0);
        }

        MalformedException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private Markup() {
    }

    static Element parse(String xml) throws MalformedException {
        return parse(xml, factory());
    }

    /**
     * A reader factory with DTDs and external entities off. Finding the StAX implementation
     * takes a while, so a caller that parses often keeps one (per thread: a factory is not
     * meant to be shared by threads).
     */
    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the property; DTDs are off anyway
        }
        return factory;
    }

    /** As {@link #parse(String)}, with a factory made by {@link #factory()}. */
    static Element parse(String xml, XMLInputFactory factory) throws MalformedException {
        XMLStreamReader in = null;
        try {
            in = factory.createXMLStreamReader(new StringReader(xml));
            while (in.hasNext() && in.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            if (in.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new MalformedException("the layout produced no element", 1);
            }
            return element(in, List.of(), xml);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
            String message = e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message: ", "");
            throw new MalformedException(message, line, column);
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static Element element(XMLStreamReader in, List<SourceMark> marks, String xml) throws XMLStreamException {
        String name = in.getLocalName();
        int line = in.getLocation().getLineNumber();
        // The reader stands right after the start tag (or, having peeked, a character further):
        // back to the tag's '>', then to its '<' (no '<' may occur inside a tag).
        int end = Math.min(in.getLocation().getCharacterOffset(), xml.length());
        while (end > 0 && xml.charAt(end - 1) != '>') {
            end--;
        }
        int offset = end > 0 ? xml.lastIndexOf('<', end - 1) : -1;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < in.getAttributeCount(); i++) {
            attributes.put(in.getAttributeLocalName(i), in.getAttributeValue(i));
        }
        List<Node> children = new ArrayList<>();
        // Marks right before a start tag belong to that element; anywhere else they are children.
        List<SourceMark> pending = new ArrayList<>();
        while (in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(element(in, pending, xml));
                pending = new ArrayList<>();
                continue;
            }
            if (event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                if ("src".equals(in.getPITarget())) {
                    String data = in.getPIData();
                    pending.add(new SourceMark(data == null ? "" : data.trim()));
                }
                continue;
            }
            children.addAll(pending);
            pending.clear();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        children.add(new Text(in.getText()));
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Element(name, attributes, children, line, marks, offset);
                }
                default -> { }
            }
        }
        children.addAll(pending);
        return new Element(name, attributes, children, line, marks, offset);
    }
}
