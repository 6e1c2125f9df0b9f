package dev.baton.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.AdapterBinding;
import dev.baton.adapters.AdapterDelegate;
import dev.baton.adapters.AdapterRegistry;
import dev.baton.adapters.ServiceAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code order-fulfillment-remote.bpmn}: shipping is an external task on topic
 * {@code shipping}, worked here through the engine's external-task API as a worker would.
 */
@Deployment(resources = "bpmn/order-fulfillment-remote.bpmn")
class OrderFulfillmentRemoteProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

  private static final String WORKER = "test-worker";

  private final List<String> adapterCalls = new ArrayList<>();

  @BeforeEach
  void registerAdapters() {
    AdapterRegistry registry =
        new AdapterRegistry(
            Map.of(
                "inventory-reserve", recording(Map.of("reservationId", "res-1")),
                "payment-charge", recording(Map.of("paymentId", "pay-1")),
                "payment-refund", recording(Map.of("refunded", true)),
                "inventory-release", recording(Map.of())));
    Mocks.register(
        AdapterDelegate.BEAN_NAME,
        new AdapterDelegate(registry, new AdapterBinding(), new ObjectMapper()));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void shouldFulfilOrderWhenWorkerShips() {
    // given
    ProcessInstance instance = startOrderUpToShipping();

    // when
    LockedExternalTask task = fetchShipping();
    externalTaskService().complete(task.getId(), WORKER, Map.of("trackingNumber", "TRK-1"));

    // then
    assertThat(task.getVariables()).containsEntry("paymentId", "pay-1");
    assertThat(instance).isEnded().hasPassed("fulfilled").hasNotPassed("refundPayment", "rejected");
    assertThat(adapterCalls).containsExactly("inventory-reserve", "payment-charge");
  }

  @Test
  void shouldRefundAndReleaseWhenShippingIsRejected() {
    // given
    ProcessInstance instance = startOrderUpToShipping();

    // when
    externalTaskService()
        .handleBpmnError(fetchShipping().getId(), WORKER, "SHIPPING_REJECTED", "no such country");

    // then
    assertThat(instance).isWaitingAt("refundPayment");
    assertThat(runtimeService().getVariable(instance.getId(), "shippingRejectionReason"))
        .isEqualTo("no such country");
    execute(job(instance));
    execute(job(instance));
    assertThat(instance)
        .isEnded()
        .hasPassed("shippingRejected", "refundPayment", "releaseInventory", "rejected")
        .hasNotPassed("fulfilled");
    assertThat(adapterCalls)
        .containsExactly(
            "inventory-reserve", "payment-charge", "payment-refund", "inventory-release");
  }

  @Test
  void shouldRetryFailedShippingAndRaiseIncidentWhenNoRetriesLeft() {
    // given
    ProcessInstance instance = startOrderUpToShipping();

    // when the worker reports a failure with one retry left, then another with none
    externalTaskService().handleFailure(fetchShipping().getId(), WORKER, "HTTP 503", 1, 0);
    LockedExternalTask again = fetchShipping();
    externalTaskService().handleFailure(again.getId(), WORKER, "HTTP 503 again", 0, 0);

    // then
    assertThat(again.getRetries()).isEqualTo(1);
    Incident incident =
        runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("shipOrder");
    assertThat(incident.getIncidentMessage()).isEqualTo("HTTP 503 again");
    assertThat(externalTaskService().fetchAndLock(1, WORKER).topic("shipping", 60_000).execute())
        .isEmpty();

    // and when an operator gives it a retry
    externalTaskService().setRetries(again.getId(), 1);
    externalTaskService().complete(fetchShipping().getId(), WORKER);

    // then
    assertThat(instance).isEnded().hasPassed("fulfilled");
  }

  private ProcessInstance startOrderUpToShipping() {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "order-fulfillment-remote", "order-7", Map.of("orderId", "order-7", "amount", 30));
    execute(job(instance));
    execute(job(instance));
    assertThat(instance).isWaitingAt("shipOrder").externalTask().hasTopicName("shipping");
    return instance;
  }

  private static LockedExternalTask fetchShipping() {
    List<LockedExternalTask> tasks =
        externalTaskService().fetchAndLock(1, WORKER).topic("shipping", 60_000).execute();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private ServiceAdapter recording(Map<String, Object> outputs) {
    return call -> {
      adapterCalls.add(call.adapter());
      return outputs;
    };
  }
}
