package io.chokepoint.registry.imports;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One element of an XML list entry and its content, read from a stream. An importer reads one entry at a time
 * into these, never the whole document.
 */
record XmlNode(String name, String text, List<XmlNode> children) {

    /** Reads the element the reader stands on (a START_ELEMENT), up to and including its end. */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        StringBuilder text = new StringBuilder();
        List<XmlNode> children = new ArrayList<>();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlNode(name, text.toString(), List.copyOf(children));
                }
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        throw new XMLStreamException("element " + name + " is not closed", reader.getLocation());
    }

    List<XmlNode> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the first child of that name, whitespace collapsed, or null if absent or blank. */
    String text(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().map(XmlNode::clean).orElse(null);
    }

    /** The texts of the VALUE children of each child of that name ({@code <NATIONALITY><VALUE>..}). */
    List<String> values(String childName) {
        List<String> values = new ArrayList<>();
        for (XmlNode child : all(childName)) {
            for (XmlNode value : child.all("VALUE")) {
                String v = value.clean();
                if (v != null) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    String clean() {
        String collapsed = text.replaceAll("\\s+", " ").trim();
        return collapsed.isEmpty() ? null : collapsed;
    }
}
