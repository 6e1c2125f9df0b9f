package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-time half of the closed expression language: an expression that never went through the
 * deploy check (stored before it existed, or slipped past it) still cannot run code.
 */
class ClosedExpressionManagerTest {

  @TempDir Path directory;

  @Test
  void shouldRefuseReflectionThatCamundasOwnManagerRunsAndCreateNoFile() throws Exception {
    // given an expression that reaches java.io.File through getClass().forName and creates a file
    Path plainTarget = directory.resolve("plain");
    Path closedTarget = directory.resolve("closed");
    VariableContext variables = Variables.createVariables().asVariableContext();

    // when Camunda's own manager evaluates it, the file appears (the attack is real)
    Object created =
        evaluate(new SpringExpressionManager(null, Map.of()), fileCreating(plainTarget), variables);
    assertThat(created).isEqualTo(true);
    assertThat(plainTarget).exists();

    // when Baton's manager evaluates it
    // then it is refused and no file exists
    JuelExpressionManager closed = new ExpressionBeans.ClosedExpressionManager(null, Map.of());
    assertThatThrownBy(() -> evaluate(closed, fileCreating(closedTarget), variables))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("does not allow an expression to call getClass()");
    assertThat(closedTarget).doesNotExist();
  }

  @Test
  void shouldRefuseTheClassPropertyOfAValue() {
    // given
    VariableContext variables = Variables.putValue("name", "x").asVariableContext();
    JuelExpressionManager closed = new ExpressionBeans.ClosedExpressionManager(null, Map.of());

    // when / then
    assertThatThrownBy(() -> evaluate(closed, "${name.class}", variables))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("read 'class' of a String");
    assertThatThrownBy(() -> evaluate(closed, "${name['class'].name}", variables))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("read 'class' of a String");
  }

  @Test
  void shouldStillEvaluateVariablesMapsOperatorsAndNow() {
    // given
    VariableContext variables =
        Variables.putValue("score", 7)
            .putValue("order", Map.of("country", "DE", "items", java.util.List.of(1, 2)))
            .asVariableContext();
    JuelExpressionManager closed = new ExpressionBeans.ClosedExpressionManager(null, Map.of());
    closed.addFunction(
        "now",
        org.camunda.bpm.engine.impl.util.ReflectUtil.getMethod(
            org.camunda.bpm.engine.impl.el.DateTimeFunctions.class, "now"));

    // when / then
    assertThat(evaluate(closed, "${score > 5}", variables)).isEqualTo(true);
    assertThat(evaluate(closed, "${order.country == 'DE' && order.items[1] == 2}", variables))
        .isEqualTo(true);
    assertThat(evaluate(closed, "${order.country.blank}", variables)).isEqualTo(false);
    assertThat(evaluate(closed, "${now() != null}", variables)).isEqualTo(true);
  }

  @Test
  void shouldNotResolveFunctionsOutsideTheVocabulary() {
    // given a function the engine knows but Baton does not name
    JuelExpressionManager closed = new ExpressionBeans.ClosedExpressionManager(null, Map.of());
    closed.addFunction(
        "exit",
        org.camunda.bpm.engine.impl.util.ReflectUtil.getMethod(System.class, "exit", int.class));

    // when / then: the expression cannot even be built
    assertThatThrownBy(() -> closed.createValueExpression("${exit(1)}"))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("exit");
  }

  private static String fileCreating(Path target) {
    return "${''.getClass().forName('java.io.File').getConstructor(''.getClass())"
        + ".newInstance('"
        + target
        + "').createNewFile()}";
  }

  private static Object evaluate(
      JuelExpressionManager manager, String expression, VariableContext variables) {
    return manager.createValueExpression(expression).getValue(manager.createElContext(variables));
  }
}
