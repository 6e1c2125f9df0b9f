package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.baton.engine.BatonIT;
import dev.baton.engine.tuning.LazyFeelEngineFactory;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DMN decisions: deployed over Camunda's REST API, evaluated with FEEL (whose engine Baton builds
 * on first use), and refused with a 400 when the engine cannot read them.
 */
class DecisionIT extends BatonIT {

  @Autowired ProcessEngine engine;

  @Test
  void shouldEvaluateFeelRulesOfADeployedDecision() {
    // given a decision table whose rules are FEEL unary tests and a FEEL output expression
    String key = "approval" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    deployThroughCamunda(key, key + ".dmn", dmn(key)).then().statusCode(200);

    // when it is evaluated for a large and a small amount
    // then each amount gets its rule's outcome
    assertThat(evaluate(key, 250)).isEqualTo("manual");
    assertThat(evaluate(key, 40)).isEqualTo("auto");
    assertThat(evaluate(key, 100)).isEqualTo("auto");
    // and it was Baton's lazily built FEEL engine that evaluated them
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(
            LazyFeelEngineFactory.isBuilt(
                configuration.getDmnEngineConfiguration().getFeelEngine()))
        .isTrue();
  }

  @Test
  void shouldRefuseADecisionWithoutHistoryTimeToLiveWith400() {
    // given a decision the engine refuses (no history time to live)
    String key = "nottl" + UUID.randomUUID().toString().substring(0, 8);
    String xml = dmn(key).replace(" camunda:historyTimeToLive=\"P30D\"", "");

    // when / then
    deployThroughCamunda(key, key + ".dmn", xml)
        .then()
        .statusCode(400)
        .body("message", containsString("History Time To Live"))
        .body("message", containsString(key + ".dmn"));
    assertThat(deploymentCount(key)).isZero();
  }

  @Test
  void shouldRefuseMalformedDecisionXmlWith400() {
    // given
    String key = "broken" + UUID.randomUUID().toString().substring(0, 8);

    // when / then
    deployThroughCamunda(key, key + ".dmn", "<definitions><decision id=\"x\">")
        .then()
        .statusCode(400)
        .body("message", containsString("Baton refuses " + key + ".dmn"));
    assertThat(deploymentCount(key)).isZero();
  }

  private static String evaluate(String key, int amount) {
    Map<String, Object> body =
        Map.of("variables", Map.of("amount", Map.of("value", amount, "type", "Integer")));
    List<String> outcomes =
        asDemo()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/engine-rest/decision-definition/key/{key}/evaluate", key)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("approval.value");
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }

  private static String dmn(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d-%1$s" \
        xmlns:camunda="http://camunda.org/schema/1.0/dmn" name="Approval" \
        namespace="http://baton.dev/dmn">
          <decision id="%1$s" name="Approval" camunda:historyTimeToLive="P30D">
            <decisionTable id="table" hitPolicy="UNIQUE">
              <input id="in" label="Amount">
                <inputExpression id="inExpr" typeRef="integer"><text>amount</text></inputExpression>
              </input>
              <output id="out" label="Approval" name="approval" typeRef="string"/>
              <rule id="large">
                <inputEntry id="large-in"><text>&gt; 100</text></inputEntry>
                <outputEntry id="large-out"><text>"manual"</text></outputEntry>
              </rule>
              <rule id="small">
                <inputEntry id="small-in"><text>&lt;= 100</text></inputEntry>
                <outputEntry id="small-out"><text>"auto"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(key);
  }
}
