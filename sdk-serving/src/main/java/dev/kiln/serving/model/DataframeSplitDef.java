package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A pandas DataFrame in "split" orientation: column names, rows of values, optional row index. */
@Value.Immutable
@JsonSerialize(as = DataframeSplit.class)
@JsonDeserialize(as = DataframeSplit.class)
abstract class DataframeSplitDef {
  @JsonProperty("columns")
  public abstract List<String> columns();

  /** Rows; values may be null (missing). */
  @JsonProperty("data")
  public abstract List<List<Object>> data();

  @JsonProperty("index")
  public abstract Optional<List<Object>> index();

  @Value.Check
  protected void check() {
    for (int i = 0; i < data().size(); i++) {
      if (data().get(i).size() != columns().size()) {
        throw new InvalidRequestException("dataframe_split row " + i + " has " + data().get(i).size()
            + " values but there are " + columns().size() + " columns");
      }
    }
    if (index().isPresent() && index().get().size() != data().size()) {
      throw new InvalidRequestException("dataframe_split index has " + index().get().size()
          + " entries but there are " + data().size() + " rows");
    }
  }
}
