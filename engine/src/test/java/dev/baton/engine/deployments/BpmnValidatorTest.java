package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapters.rules.ModelSettings;
import dev.baton.engine.system.BatonProperties;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BpmnValidatorTest {

  @Test
  void shouldHandEveryModelSettingAndTheSizeLimitToTheHouseRules() {
    // given every setting away from its default
    BatonProperties properties = new BatonProperties();
    BatonProperties.Models models = properties.getModels();
    models.setScripts(true);
    models.setJavaClasses(true);
    models.setCmmn(true);
    models.setDmnLanguages(Set.of("feel", "juel"));
    models.setMinTimerCycle(Duration.ofMinutes(5));
    models.setMaxXmlDepth(40);
    properties.getDeployments().setMaxSize(DataSize.ofKilobytes(64));

    // when
    ModelSettings settings = BpmnValidator.settings(properties);

    // then
    assertThat(settings)
        .isEqualTo(
            new ModelSettings(
                true, true, true, Set.of("feel", "juel"), Duration.ofMinutes(5), 40, 64 * 1024));
  }

  @Test
  void shouldMatchTheHouseRulesDefaultsWhenNothingIsSet() {
    // when
    ModelSettings settings = BpmnValidator.settings(new BatonProperties());

    // then
    assertThat(settings).isEqualTo(ModelSettings.defaults());
  }
}
