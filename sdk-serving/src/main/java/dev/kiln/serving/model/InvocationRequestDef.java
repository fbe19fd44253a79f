package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /serving-endpoints/{name}/invocations} for classic (MLflow) models:
 * exactly one input form ({@code dataframe_records}, {@code dataframe_split}, {@code instances} or
 * {@code inputs}) plus optional tracking fields. Start from a factory and refine with {@code with*}:
 * {@code InvocationRequest.dataframeRecords(rows).withClientRequestId("r-42")}.
 */
@Value.Immutable
@JsonSerialize(as = InvocationRequest.class)
@JsonDeserialize(as = InvocationRequest.class)
abstract class InvocationRequestDef {
  /** Rows as column-name → value maps (pandas "records" orientation). */
  @JsonProperty("dataframe_records")
  public abstract Optional<List<Map<String, Object>>> dataframeRecords();

  /** Rows as a column list plus rows of values (pandas "split" orientation). */
  @JsonProperty("dataframe_split")
  public abstract Optional<DataframeSplit> dataframeSplit();

  /** Tensor input, one element per row. */
  @JsonProperty("instances")
  public abstract Optional<List<Object>> instances();

  /** Tensor input in columnar form: any JSON-serialisable value (list, map, ...). */
  @JsonProperty("inputs")
  public abstract Optional<Object> inputs();

  /** Recorded in the endpoint's inference and usage tables. */
  @JsonProperty("client_request_id")
  public abstract Optional<String> clientRequestId();

  /** Recorded in the usage tracking table. */
  @JsonProperty("usage_context")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> usageContext();

  /** Sent as the documented {@code extra_params} object (a map of strings). */
  @JsonProperty("extra_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> extraParams();

  /** A request with rows as column-name → value maps; column order and null values are kept. */
  public static InvocationRequest dataframeRecords(List<? extends Map<String, ?>> records) {
    List<Map<String, Object>> copy = new ArrayList<>(records.size());
    for (Map<String, ?> row : records) {
      copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row))); // keeps column order and nulls
    }
    return InvocationRequest.builder().dataframeRecords(Collections.unmodifiableList(copy)).build();
  }

  /**
   * A request with rows in split form: {@code columns} and one value list per row, in column order.
   */
  public static InvocationRequest dataframeSplit(List<String> columns, List<? extends List<?>> data) {
    return InvocationRequest.builder().dataframeSplit(split(columns, data).build()).build();
  }

  /** A request with rows in split form and a label per row ({@code index}). */
  public static InvocationRequest dataframeSplit(List<String> columns, List<? extends List<?>> data, List<?> index) {
    DataframeSplit s = split(columns, data).index(Collections.unmodifiableList(new ArrayList<Object>(index))).build();
    return InvocationRequest.builder().dataframeSplit(s).build();
  }

  /** A request with tensor input in row form, one element per row. */
  public static InvocationRequest instances(List<?> instances) {
    return InvocationRequest.builder().instances(Collections.unmodifiableList(new ArrayList<Object>(instances))).build();
  }

  /** A request with tensor input in columnar form (any value Jackson can write). */
  public static InvocationRequest inputs(Object inputs) {
    return InvocationRequest.builder().inputs(inputs).build();
  }

  private static DataframeSplit.Builder split(List<String> columns, List<? extends List<?>> data) {
    DataframeSplit.Builder b = DataframeSplit.builder().columns(columns);
    for (List<?> row : data) {
      b.addData(Collections.unmodifiableList(new ArrayList<Object>(row))); // rows may hold nulls
    }
    return b;
  }

  /**
   * Rejects a request without exactly one input form, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException when none or several of records, split,
   *     instances and inputs are set
   */
  @Value.Check
  protected void check() {
    int forms = (dataframeRecords().isPresent() ? 1 : 0) + (dataframeSplit().isPresent() ? 1 : 0)
        + (instances().isPresent() ? 1 : 0) + (inputs().isPresent() ? 1 : 0);
    if (forms != 1) {
      throw new InvalidRequestException("an invocation needs exactly one input form (dataframe_records, "
          + "dataframe_split, instances or inputs) but " + forms + " were given");
    }
  }
}
