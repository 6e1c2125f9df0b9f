package dev.baton.adapters.rules;

import dev.baton.adapters.AdapterDelegate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The rules every model file (BPMN, DMN, CMMN) is held to, found generically: every attribute and
 * text node is looked at, whatever element holds it. An expression anywhere must stay within {@link
 * ExpressionVocabulary}; a Java class anywhere ({@code class}, {@code variableMappingClass}), a
 * delegate expression other than the adapter and an expression that stands for a task's work need
 * the admin's {@code java-classes}; a DMN expression language other than FEEL needs {@code
 * dmn-languages}; a CMMN script needs {@code scripts} (BPMN scripts are {@link BpmnRules}' part).
 */
final class ModelRules {

  /** A FEEL function definition whose body is Java: {@code function(x) external {java: ...}}. */
  private static final java.util.regex.Pattern FEEL_EXTERNAL =
      java.util.regex.Pattern.compile("function\\s*\\([^)]*\\)\\s*external\\b");

  private static final String ADAPTER_EXPRESSION = "${" + AdapterDelegate.BEAN_NAME + "}";
  private static final Set<String> JAVA_CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
  private static final Set<String> DELEGATE_ATTRIBUTES =
      Set.of("delegateExpression", "variableMappingDelegateExpression");
  private static final Set<String> LISTENERS =
      Set.of("executionListener", "taskListener", "caseExecutionListener", "variableListener");

  /** Names of FEEL the DMN engine accepts besides its short name "feel". */
  private static final Set<String> FEEL_NAMES =
      Set.of(
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

  private final ModelSettings settings;
  private final ModelType type;
  private final List<Problem> problems = new ArrayList<>();

  private ModelRules(ModelSettings settings, ModelType type) {
    this.settings = settings;
    this.type = type;
  }

  /** Every problem in the document, in document order. */
  static List<Problem> check(Node document, ModelType type, ModelSettings settings) {
    ModelRules rules = new ModelRules(settings, type);
    Element root =
        document instanceof org.w3c.dom.Document doc
            ? doc.getDocumentElement()
            : (Element) document;
    rules.element(root);
    return rules.problems;
  }

  private void element(Element element) {
    String name = element.getLocalName();
    if ("documentation".equals(name) || "textAnnotation".equals(name)) {
      return;
    }
    // a script's text is not an expression; whether a script may run is a rule of its own
    boolean script = "script".equals(name) || element.hasAttribute("language");
    if (script && type != ModelType.BPMN && !settings.scripts()) {
      problems.add(
          Problem.error(
              "script",
              owner(element),
              "A script in '"
                  + owner(element)
                  + "' is refused: scripts run any code inside the engine (an admin can allow them)"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(element, (Attr) attributes.item(i));
    }
    boolean expressions = !script && (type != ModelType.DMN || isJuel(language(element)));
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        element(childElement);
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        if (expressions) {
          expression(element, child.getNodeValue());
        } else if (type == ModelType.DMN && FEEL_EXTERNAL.matcher(child.getNodeValue()).find()) {
          // the FEEL engine refuses to run it too, but only when evaluated, as a server error
          problems.add(
              Problem.error(
                  "feel-external",
                  owner(element),
                  "'"
                      + owner(element)
                      + "' defines an external (Java) FEEL function, which Baton does not run"));
        }
      }
    }
  }

  private void attribute(Element element, Attr attribute) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if (name.startsWith("xmlns") || "xmlns".equals(attribute.getPrefix())) {
      return;
    }
    if (JAVA_CLASS_ATTRIBUTES.contains(name)
        && (attribute.getNamespaceURI() != null || isExtension(element))) {
      if (!settings.javaClasses()) {
        problems.add(
            Problem.error(
                "java-class",
                owner(element),
                "'"
                    + owner(element)
                    + "' calls Java class "
                    + value
                    + ", which Baton does not run (an admin can allow Java classes)"));
      }
      return;
    }
    if (DELEGATE_ATTRIBUTES.contains(name)
        && !ADAPTER_EXPRESSION.equals(value.trim())
        && !settings.javaClasses()) {
      problems.add(
          Problem.error(
              "bean-expression",
              owner(element),
              "'"
                  + owner(element)
                  + "' delegates to "
                  + value
                  + ": only "
                  + ADAPTER_EXPRESSION
                  + " may be a delegate"));
      return;
    }
    if ("expression".equals(name)
        && attribute.getNamespaceURI() != null
        && !LISTENERS.contains(element.getLocalName())
        && !settings.javaClasses()) {
      problems.add(
          Problem.error(
              "bean-expression",
              owner(element),
              "'"
                  + owner(element)
                  + "' calls "
                  + value
                  + ": bind it to an adapter or an external topic"));
      return;
    }
    if (type == ModelType.DMN && "expressionLanguage".equals(name) && !isAllowedLanguage(value)) {
      problems.add(
          Problem.error(
              "dmn-language",
              owner(element),
              "'"
                  + owner(element)
                  + "' uses expression language '"
                  + value
                  + "'; accepted: "
                  + settings.dmnLanguages()
                  + " (an admin can allow more)"));
      return;
    }
    expression(element, value);
  }

  private void expression(Element element, String text) {
    if (!ExpressionVocabulary.isExpression(text)) {
      return;
    }
    Optional<String> reason = ExpressionVocabulary.check(text.trim());
    reason.ifPresent(
        why ->
            problems.add(
                Problem.error(
                    "expression",
                    owner(element),
                    "The expression "
                        + abbreviate(text.trim())
                        + " in '"
                        + owner(element)
                        + "' is refused: "
                        + why)));
  }

  /** Camunda's extension elements (listeners, connectors...) carry unqualified attributes. */
  private static boolean isExtension(Element element) {
    String namespace = element.getNamespaceURI();
    return namespace != null
        && (namespace.startsWith("http://camunda.org/schema/")
            || namespace.startsWith("http://activiti.org/"));
  }

  private boolean isAllowedLanguage(String language) {
    String name = language.trim().toLowerCase(Locale.ROOT);
    return settings.dmnLanguages().stream()
        .map(l -> l.trim().toLowerCase(Locale.ROOT))
        .anyMatch(l -> l.equals(name) || ("feel".equals(l) && isFeel(language)));
  }

  private static boolean isFeel(String language) {
    return FEEL_NAMES.stream().anyMatch(f -> f.equalsIgnoreCase(language.trim()));
  }

  private static boolean isJuel(String language) {
    return language != null
        && DefaultDmnEngineConfiguration.JUEL_EXPRESSION_LANGUAGE.equalsIgnoreCase(language.trim());
  }

  /** The expression language in force for an element of a DMN file (null: the default, FEEL). */
  private static String language(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (e.hasAttribute("expressionLanguage")) {
        return e.getAttribute("expressionLanguage");
      }
    }
    return null;
  }

  /** The id of the nearest element that has one. */
  private static String owner(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (e.hasAttribute("id")) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
