package dev.baton.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.AdapterBinding;
import dev.baton.adapters.AdapterCall;
import dev.baton.adapters.AdapterDelegate;
import dev.baton.adapters.AdapterRegistry;
import dev.baton.adapters.BusinessRejectionException;
import dev.baton.adapters.ServiceAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code order-fulfillment.bpmn} with the real adapter delegate and mocked
 * adapters.
 */
@Deployment(resources = "bpmn/order-fulfillment.bpmn")
class OrderFulfillmentProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

  private final List<AdapterCall> calls = new ArrayList<>();
  private ServiceAdapter payment = recording(Map.of("paymentId", "pay-1"));
  private ServiceAdapter shipping = recording(Map.of("trackingNumber", "track-1"));

  @BeforeEach
  void registerAdapters() {
    ServiceAdapter charge = call -> payment.execute(call);
    ServiceAdapter ship = call -> shipping.execute(call);
    AdapterRegistry registry =
        new AdapterRegistry(
            Map.of(
                "inventory-reserve",
                recording(Map.of("reservationId", "res-1")),
                "payment-charge",
                charge,
                "shipping-ship",
                ship,
                "inventory-release",
                recording(Map.of())));
    Mocks.register(
        AdapterDelegate.BEAN_NAME,
        new AdapterDelegate(registry, new AdapterBinding(), new ObjectMapper()));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void shouldFulfilOrderThroughEverySavePoint() {
    // given
    ProcessInstance instance = startOrder(120);

    // when / then
    assertThat(instance).isWaitingAt("reserveInventory");
    Job reserve = job(instance);
    execute(reserve);
    assertThat(instance).isWaitingAt("chargePayment").hasVariables("reservationId");
    Job charge = job(instance);
    execute(charge);
    assertThat(instance).isWaitingAt("shipOrder").hasVariables("paymentId");
    Job ship = job(instance);
    execute(ship);
    assertThat(instance)
        .isEnded()
        .hasPassed("fulfilled")
        .hasNotPassed("releaseInventory", "rejected");
    assertThat(calls)
        .extracting(AdapterCall::adapter)
        .containsExactly("inventory-reserve", "payment-charge", "shipping-ship");
    assertThat(calls)
        .extracting(AdapterCall::idempotencyKey)
        .containsExactly(
            instance.getId() + ":" + reserve.getId(),
            instance.getId() + ":" + charge.getId(),
            instance.getId() + ":" + ship.getId());
    assertThat(calls.get(1).inputs())
        .containsEntry("amount", 120)
        .containsEntry("orderId", "order-42");
  }

  @Test
  void shouldReleaseInventoryAndRejectWhenPaymentDeclined() {
    // given
    payment =
        call -> {
          calls.add(call);
          throw new BusinessRejectionException("PAYMENT_DECLINED", "amount over limit");
        };
    ProcessInstance instance = startOrder(20_000);

    // when
    execute(job(instance));
    execute(job(instance));

    // then
    assertThat(instance).isWaitingAt("releaseInventory");
    assertThat(runtimeService().getVariable(instance.getId(), "declineReason"))
        .isEqualTo("amount over limit");
    execute(job(instance));
    assertThat(instance)
        .isEnded()
        .hasPassed("paymentDeclined", "releaseInventory", "rejected")
        .hasNotPassed("shipOrder", "fulfilled");
    assertThat(calls)
        .extracting(AdapterCall::adapter)
        .containsExactly("inventory-reserve", "payment-charge", "inventory-release");
  }

  @Test
  void shouldKeepCompletedStepsAndRaiseIncidentWhenShippingKeepsFailing() {
    // given
    shipping =
        call -> {
          throw new IllegalStateException("HTTP 503 from shipping");
        };
    ProcessInstance instance = startOrder(120);
    execute(job(instance));
    execute(job(instance));

    // when every retry of the shipping step fails
    ManagementService management = engine.getManagementService();
    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the failure is what this test provokes
      }
    }

    // then
    Incident incident =
        runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("shipOrder");
    assertThat(incident.getIncidentMessage()).contains("HTTP 503");
    assertThat(instance).isWaitingAt("shipOrder").hasVariables("reservationId", "paymentId");

    // and when the service recovers and the operator retries
    shipping = recording(Map.of("trackingNumber", "track-2"));
    Job failed = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    management.setJobRetries(failed.getId(), 1);
    execute(failed);

    // then
    assertThat(instance).isEnded().hasPassed("fulfilled");
  }

  @Test
  void shouldFailTheStepWhenTheAdapterIsUnknown() {
    // given
    Mocks.register(
        AdapterDelegate.BEAN_NAME,
        new AdapterDelegate(
            new AdapterRegistry(Map.of()), new AdapterBinding(), new ObjectMapper()));
    ProcessInstance instance = startOrder(120);
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .singleResult();

    // when / then
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("Unknown adapter 'inventory-reserve'");
    assertThat(instance).isWaitingAt("reserveInventory");
  }

  private ProcessInstance startOrder(int amount) {
    return runtimeService()
        .startProcessInstanceByKey(
            "order-fulfillment", "order-42", Map.of("orderId", "order-42", "amount", amount));
  }

  private ServiceAdapter recording(Map<String, Object> outputs) {
    return call -> {
      calls.add(call);
      return outputs;
    };
  }
}
