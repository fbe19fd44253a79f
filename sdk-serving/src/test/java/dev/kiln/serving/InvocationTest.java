package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.core.testing.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.testing.Wire;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InternalErrorException;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.serving.model.DataframeSplit;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class InvocationTest extends ServingTestBase {
  static final String INVOCATIONS = "/serving-endpoints/bir-tax-forecaster/invocations";

  @Test
  void dataframeRecordsAsInTheReadme() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("served-model-name", "forecaster-3").body("{\"predictions\": [51234.5]}").build());

    InvocationResponse p = serving.query("bir-tax-forecaster",
        InvocationRequest.dataframeRecords(List.of(Map.of("prev_month_wht", 50000.0))));

    expectJsonPost(server, INVOCATIONS, "{'dataframe_records': [{'prev_month_wht': 50000.0}]}");
    assertArrayEquals(new double[] {51234.5}, p.predictionsAsDoubles());
    assertEquals(Optional.of("forecaster-3"), p.servedModelName());
    assertEquals(Optional.empty(), p.outputs());
  }

  @Test
  void dataframeRecordsKeepNullValues() {
    server.enqueue(ok("{'predictions': [1, 2]}"));
    Map<String, Object> row = new HashMap<>();
    row.put("agency", "BIR");
    row.put("amount", null);

    serving.query("bir-tax-forecaster", InvocationRequest.dataframeRecords(List.of(row)));

    expectJsonPost(server, INVOCATIONS, "{'dataframe_records': [{'agency': 'BIR', 'amount': null}]}");
  }

  @Test
  void dataframeSplitWithAndWithoutIndex() {
    server.enqueue(ok("{'predictions': [[1.0], [2.0]]}"));
    server.enqueue(ok("{'predictions': [3]}"));

    InvocationResponse p = serving.query("bir-tax-forecaster", InvocationRequest.dataframeSplit(
        List.of("agency", "prev_month_wht"), List.of(List.of("BIR", 50000.0), Arrays.asList("BOC", null))));
    serving.query("bir-tax-forecaster", InvocationRequest.dataframeSplit(
        List.of("x"), List.of(List.of(1)), List.of("row-a")));

    expectJsonPost(server, INVOCATIONS, "{'dataframe_split': {'columns': ['agency', 'prev_month_wht'],"
        + " 'data': [['BIR', 50000.0], ['BOC', null]]}}");
    expectJsonPost(server, INVOCATIONS, "{'dataframe_split': {'columns': ['x'], 'data': [[1]], 'index': ['row-a']}}");
    assertArrayEquals(new double[] {1.0, 2.0}, p.predictionsAsDoubles(), "single-value rows are unwrapped");
  }

  @Test
  void instancesAndInputs() {
    server.enqueue(ok("{'predictions': [0.1, 0.9]}"));
    server.enqueue(ok("{'outputs': [{'score': 7}]}"));

    serving.query("bir-tax-forecaster", InvocationRequest.instances(List.of(List.of(1, 2), List.of(3, 4))));
    InvocationResponse out = serving.query("bir-tax-forecaster",
        InvocationRequest.inputs(Map.of("tokens", List.of(1, 2, 3))));

    expectJsonPost(server, INVOCATIONS, "{'instances': [[1, 2], [3, 4]]}");
    expectJsonPost(server, INVOCATIONS, "{'inputs': {'tokens': [1, 2, 3]}}");
    assertEquals(7, out.outputs().orElseThrow().get(0).get("score").asInt());
    List<Map<String, Integer>> typed = out.outputsAs(new TypeReference<List<Map<String, Integer>>>() {});
    assertEquals(7, typed.get(0).get("score"));
  }

  @Test
  void trackingFieldsAndExtraParams() {
    server.enqueue(ok("{'predictions': [1]}"));

    serving.query("bir-tax-forecaster", InvocationRequest.instances(List.of(5))
        .withClientRequestId("req-42")
        .withUsageContext(Map.of("project", "tax"))
        .withExtraParams(Map.of("threshold", "0.5")));

    expectJsonPost(server, INVOCATIONS, "{'instances': [5], 'client_request_id': 'req-42',"
        + " 'usage_context': {'project': 'tax'}, 'extra_params': {'threshold': '0.5'}}");
  }

  @Test
  void predictionsDecodeToTypes() {
    server.enqueue(ok("{'predictions': [{'label': 'high', 'p': 0.8}]}"));

    InvocationResponse r = serving.query("bir-tax-forecaster", InvocationRequest.instances(List.of(1)));

    List<Map<String, Object>> rows = r.predictionsAs(new TypeReference<List<Map<String, Object>>>() {});
    assertEquals("high", rows.get(0).get("label"));
    DatabricksClientException notNumbers = assertThrows(DatabricksClientException.class, r::predictionsAsDoubles);
    assertTrue(notNumbers.getMessage().contains("prediction 0 is OBJECT"), notNumbers.getMessage());
    assertEquals(tree("{'predictions': [{'label': 'high', 'p': 0.8}]}"), r.json());
    assertThrows(DatabricksClientException.class, () -> r.outputsAs(new TypeReference<List<Object>>() {}));
  }

  @Test
  void exactlyOneInputFormIsRequiredBeforeSending() {
    InvalidRequestException none = assertThrows(InvalidRequestException.class,
        () -> InvocationRequest.builder().clientRequestId("x").build());
    assertTrue(none.getMessage().contains("exactly one input form"), none.getMessage());
    assertThrows(InvalidRequestException.class,
        () -> InvocationRequest.instances(List.of(1)).withInputs(List.of(2)));
    assertThrows(InvalidRequestException.class, () -> InvocationRequest.dataframeSplit(
        List.of("a", "b"), List.of(List.of(1))));
    assertThrows(InvalidRequestException.class, () -> DataframeSplit.builder().addColumns("a")
        .addData(List.of(1)).index(List.of(1, 2)).build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void endpointNameIsValidatedBeforeSending() {
    InvocationRequest request = InvocationRequest.instances(List.of(1));
    assertThrows(InvalidRequestException.class, () -> serving.query("x".repeat(64), request));
    assertThrows(InvalidRequestException.class, () -> serving.query("", request));
    assertTrue(serving.queryAsync("x".repeat(64), request).isCompletedExceptionally());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void invocationsAreNotResentAfterAServerError() {
    server.enqueue(error(500, "{'error_code': 'INTERNAL_ERROR', 'message': 'model crashed'}"));
    server.enqueue(ok("{'predictions': [1]}"));

    assertThrows(InternalErrorException.class,
        () -> serving.query("bir-tax-forecaster", InvocationRequest.instances(List.of(1))));

    assertEquals(1, server.getRequestCount(), "a POST that reached the model is not repeated");
  }

  @Test
  void modelInputErrorsAreTyped() {
    server.enqueue(error(400, "{'error_code': 'INVALID_PARAMETER_VALUE', 'message': 'Missing column prev_month_wht'}"));

    InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
        () -> serving.query("bir-tax-forecaster", InvocationRequest.dataframeRecords(List.of(Map.of("x", 1)))));

    assertEquals("Missing column prev_month_wht", e.serverMessage());
  }
}
