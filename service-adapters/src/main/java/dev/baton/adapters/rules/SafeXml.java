package dev.baton.adapters.rules;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A first pass over uploaded XML with a parser that resolves nothing: it must be well-formed and
 * carry no DOCTYPE, which shuts out external entities (XXE) and entity expansion (billion laughs)
 * before any other parser sees the file. BPMN never needs a DOCTYPE. Elements may nest only so
 * deep: the engine's parsers recurse per level, and a file nested 50,000 deep overflows their stack
 * after seconds of work; this pass stops at the first level too many.
 */
final class SafeXml {

  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
  }

  private SafeXml() {}

  /** The problem that makes the bytes unacceptable as XML, if any. */
  static Optional<Problem> check(byte[] xml, int maxDepth) {
    if (xml.length == 0) {
      return Optional.of(Problem.parse("The file is empty", null, null));
    }
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      int depth = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT && ++depth > maxDepth) {
          Location at = reader.getLocation();
          return Optional.of(
              new Problem(
                  "depth",
                  null,
                  "Elements are nested more than " + maxDepth + " levels deep",
                  "error",
                  at.getLineNumber(),
                  at.getColumnNumber()));
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
        if (event == XMLStreamConstants.DTD) {
          Location at = reader.getLocation();
          return Optional.of(
              new Problem(
                  "doctype",
                  null,
                  "A DOCTYPE is not allowed in BPMN (it could read local files or expand entities)",
                  "error",
                  at.getLineNumber(),
                  at.getColumnNumber()));
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          Location at = reader.getLocation();
          return Optional.of(
              new Problem(
                  "entity",
                  null,
                  "Entity references are not allowed",
                  "error",
                  at.getLineNumber(),
                  at.getColumnNumber()));
        }
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      String message = e.getMessage();
      int detail = message == null ? -1 : message.indexOf("Message: ");
      String text = detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
      return Optional.of(
          Problem.parse(
              "Not well-formed XML: " + text,
              at == null || at.getLineNumber() < 0 ? null : at.getLineNumber(),
              at == null || at.getColumnNumber() < 0 ? null : at.getColumnNumber()));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing was opened that needs closing
        }
      }
    }
  }

  /**
   * A namespace-aware DOM of bytes {@link #check} accepted, read by a parser that refuses any
   * DOCTYPE itself too.
   */
  static org.w3c.dom.Document parse(byte[] xml) {
    try {
      javax.xml.parsers.DocumentBuilderFactory factory =
          javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      // the default handler prints every error to stderr before throwing it
      builder.setErrorHandler(
          new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e)
                throws org.xml.sax.SAXException {
              throw e;
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
              throw e;
            }
          });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException
        | java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
