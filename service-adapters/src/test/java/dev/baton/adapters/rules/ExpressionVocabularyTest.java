package dev.baton.adapters.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deploy-time half of the closed expression language, on single expressions. */
class ExpressionVocabularyTest {

  @Test
  void shouldAcceptTheExpressionsOfTheCorpusAndBatonsDiagrams() {
    // given every expression the corpus and process-definitions use that Baton can run, and the
    // vocabulary's named methods and functions
    List<String> expressions =
        List.of(
            "${batonAdapter}",
            "#{approved}",
            "#{!approved}",
            "${creditScores}",
            "${invoiceId != null}",
            "${score > 5}",
            "${score <= 5}",
            "${execution.getVariable('amount') > 100}",
            "${execution.setVariable('seen', true)}",
            "${task.assignee == null ? 'nobody' : task.assignee}",
            "${execution.processBusinessKey}",
            "${order.items[0].sku}",
            "${now()}",
            "${dateTime()}",
            "Order ${orderId} for ${customer.name}");

    // when / then
    assertThat(expressions).allSatisfy(e -> assertThat(ExpressionVocabulary.check(e)).isEmpty());
  }

  @Test
  void shouldRefuseMethodCallsReflectionAndUnnamedFunctions() {
    // given
    List<String> expressions =
        List.of(
            "${''.getClass().forName('java.lang.Runtime')}",
            "${order.class.classLoader}",
            "${order['class']}",
            "${execution.processEngineServices.runtimeService}",
            "${execution.getProcessEngine()}",
            "${jobAnnouncementService.findEditor(jobAnnouncementId)}",
            "${batonAdapter.execute(execution)}",
            "${batonAdapter.registry}",
            "${S(payload)}",
            "${name.toUpperCase()}",
            "${x['getClass']()}");

    // when / then every one is refused with a reason
    assertThat(expressions)
        .allSatisfy(e -> assertThat(ExpressionVocabulary.check(e)).as(e).isPresent());
    assertThat(ExpressionVocabulary.check("${''.getClass().forName('java.lang.Runtime')}"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("calls getClass()"));
  }

  @Test
  void shouldRefuseTextThatIsNotAnExpression() {
    // when / then
    assertThat(ExpressionVocabulary.check("${a +}")).isPresent();
  }
}
