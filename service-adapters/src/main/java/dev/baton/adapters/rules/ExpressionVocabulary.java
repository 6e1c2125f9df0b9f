package dev.baton.adapters.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.adapters.AdapterDelegate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Baton's closed expression language, the one rule for every {@code ${...}} in a model: at deploy
 * ({@link #check}, over the expression's syntax tree) and at run time ({@link #mayRead}, {@link
 * #mayInvoke}, {@link #isFunction}, used by the engine's EL resolver). An expression may read
 * variables, read properties of data and of the execution or task, compare and compute, and call
 * only the methods and functions named here.
 *
 * <p>The named methods are the variable accessors of the execution and the task: the corpus and
 * Baton's own diagrams need nothing else (they read variables and {@code ${batonAdapter}}).
 * Functions are Camunda's built-in {@code now()}, {@code dateTime()}, {@code currentUser()} and
 * {@code currentUserGroups()}, which read the clock and the signed-in user. Spin's {@code S()},
 * {@code JSON()} and {@code XML()} are left out: no shipped or corpus diagram uses them, and their
 * results are only useful through method calls.
 */
public final class ExpressionVocabulary {

  /** Identifiers whose methods an expression may call: the execution and the task. */
  static final Set<String> METHOD_BASES = Set.of("execution", "task");

  /** The methods those may call: reading and writing variables. */
  static final Set<String> METHODS =
      Set.of(
          "getVariable",
          "getVariableLocal",
          "hasVariable",
          "hasVariableLocal",
          "setVariable",
          "setVariableLocal",
          "getVariableNames",
          "getVariableNamesLocal");

  /** Properties of the execution or the task an expression may read. */
  static final Set<String> SCOPE_PROPERTIES =
      Set.of(
          "id",
          "processInstanceId",
          "processBusinessKey",
          "businessKey",
          "processDefinitionId",
          "activityInstanceId",
          "currentActivityId",
          "currentActivityName",
          "currentTransitionId",
          "eventName",
          "tenantId",
          "variables",
          "variablesLocal",
          "variableNames",
          "name",
          "description",
          "assignee",
          "owner",
          "priority",
          "dueDate",
          "followUpDate",
          "createTime",
          "taskDefinitionKey",
          "executionId",
          "caseInstanceId",
          "caseExecutionId");

  /** Properties never read, on anything but a map: they lead to classes, loaders and modules. */
  static final Set<String> FORBIDDEN_PROPERTIES =
      Set.of(
          "class",
          "classLoader",
          "declaringClass",
          "module",
          "protectionDomain",
          "runtime",
          "processEngine",
          "processEngineServices",
          "processEngineConfiguration");

  /** Camunda's built-in functions (registered by the engine without a prefix). */
  static final Set<String> FUNCTIONS =
      Set.of(
          DateTimeFunctions.NOW,
          DateTimeFunctions.DATE_TIME,
          CommandContextFunctions.CURRENT_USER,
          CommandContextFunctions.CURRENT_USER_GROUPS);

  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private ExpressionVocabulary() {}

  /** Whether a text holds an expression the engine would evaluate. */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * Why the expression is outside the language (each reason once), or nothing when it is inside.
   */
  public static Optional<String> check(String expression) {
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (TreeBuilderException e) {
      return Optional.of("it is not a valid expression (" + e.getMessage() + ")");
    }
    List<String> reasons = new ArrayList<>();
    walk(root, reasons);
    return reasons.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("; ", reasons.stream().distinct().toList()));
  }

  private static void walk(Node node, List<String> reasons) {
    if (node instanceof AstMethod method) {
      method(method, reasons);
    } else if (node instanceof AstDot dot) {
      String property = dotName(dot);
      if (dot.getChild(0) instanceof AstIdentifier base && METHOD_BASES.contains(base.getName())) {
        if (!SCOPE_PROPERTIES.contains(property)) {
          reasons.add(
              "it reads '" + property + "' of " + base.getName() + ", which is not allowed");
        }
      } else {
        property(property, reasons);
      }
      base(dot.getChild(0), reasons);
    } else if (node instanceof AstBracket bracket) {
      Node index = bracket.getChild(1);
      if (index instanceof AstString literal) {
        property(String.valueOf(literal.eval(null, null)), reasons);
      }
      base(bracket.getChild(0), reasons);
      walk(index, reasons);
    } else if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        reasons.add("it calls function " + function.getName() + "(), which is not allowed");
      }
      children(node, reasons);
    } else if (node instanceof AstIdentifier
        || node instanceof AstLiteral
        || node instanceof AstText) {
      return;
    } else if (node instanceof AstEval
        || node instanceof AstComposite
        || node instanceof AstBinary
        || node instanceof AstUnary
        || node instanceof AstChoice
        || node instanceof AstNested
        || node instanceof AstParameters) {
      children(node, reasons);
    } else {
      reasons.add("it uses " + node + ", which is not allowed");
    }
  }

  private static void method(AstMethod method, List<String> reasons) {
    Node target = method.getChild(0);
    if (target instanceof AstDot dot
        && dot.getChild(0) instanceof AstIdentifier base
        && METHOD_BASES.contains(base.getName())
        && METHODS.contains(dotName(dot))) {
      walk(method.getChild(1), reasons);
      return;
    }
    String name = target instanceof AstDot dot ? dotName(dot) : "a computed method";
    reasons.add(
        "it calls "
            + name
            + "(): expressions may call only "
            + METHODS.stream().sorted().toList()
            + " on "
            + METHOD_BASES.stream().sorted().toList());
    children(method, reasons);
  }

  /** A base of a property read: anything allowed, except the adapter bean (no data). */
  private static void base(Node base, List<String> reasons) {
    if (base instanceof AstIdentifier identifier
        && AdapterDelegate.BEAN_NAME.equals(identifier.getName())) {
      reasons.add("it reads a property of " + AdapterDelegate.BEAN_NAME);
      return;
    }
    walk(base, reasons);
  }

  private static void property(String property, List<String> reasons) {
    if (FORBIDDEN_PROPERTIES.contains(property)) {
      reasons.add("it reads '" + property + "', which is not allowed");
    }
  }

  private static void children(Node node, List<String> reasons) {
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), reasons);
    }
  }

  private static String dotName(AstDot dot) {
    // AstDot keeps its name to itself; its toString is ". name"
    return dot.toString().substring(2);
  }

  // --- run time: the same language, checked on the values the engine meets ---

  /** Whether an expression may read {@code property} of {@code base} (never null here). */
  public static boolean mayRead(Object base, Object property) {
    if (base instanceof Map<?, ?>) {
      return true;
    }
    if (base instanceof List<?> || base.getClass().isArray()) {
      return property instanceof Number
          || (property instanceof String s
              && !s.isEmpty()
              && s.chars().allMatch(Character::isDigit));
    }
    String name = String.valueOf(property);
    if (FORBIDDEN_PROPERTIES.contains(name)) {
      return false;
    }
    if (base instanceof VariableScope) {
      return SCOPE_PROPERTIES.contains(name);
    }
    return base instanceof String
        || base instanceof Number
        || base instanceof Boolean
        || base instanceof Character
        || base instanceof Date
        || base instanceof JsonNode
        || base instanceof SpinJsonNode;
  }

  /** Whether an expression may call {@code method} on {@code base}. */
  public static boolean mayInvoke(Object base, Object method) {
    return base instanceof VariableScope && METHODS.contains(String.valueOf(method));
  }

  /** Whether the engine may resolve this function for an expression. */
  public static boolean isFunction(String prefix, String localName) {
    return (prefix == null || prefix.isBlank()) && FUNCTIONS.contains(localName);
  }
}
