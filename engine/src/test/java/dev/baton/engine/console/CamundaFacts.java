package dev.baton.engine.console;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Every {@code camunda:} attribute and extension element of a BPMN file as comparable lines ({@code
 * elementId / path @ name = value}), so a round trip can be checked on the XML itself.
 */
final class CamundaFacts {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private CamundaFacts() {}

  static List<String> of(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root =
        factory
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)))
            .getDocumentElement();
    List<String> facts = new ArrayList<>();
    collect(root, "", facts);
    return facts;
  }

  private static void collect(Element element, String owner, List<String> facts) {
    String id = element.getAttribute("id");
    String here = !id.isEmpty() && !CAMUNDA.equals(element.getNamespaceURI()) ? id : owner;
    boolean camundaElement = CAMUNDA.equals(element.getNamespaceURI());
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (CAMUNDA.equals(attribute.getNamespaceURI()) || camundaElement) {
        facts.add(
            here
                + " / "
                + element.getLocalName()
                + " @ "
                + attribute.getLocalName()
                + " = "
                + attribute.getValue());
      }
    }
    if (camundaElement && !hasElementChildren(element)) {
      facts.add(
          here + " / " + element.getLocalName() + " text = " + element.getTextContent().trim());
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, here, facts);
      }
    }
  }

  private static boolean hasElementChildren(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        return true;
      }
    }
    return false;
  }
}
