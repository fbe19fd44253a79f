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
  /** Column names, in the order of each row's values. */
  @JsonProperty("columns")
  public abstract List<String> columns();

  /** Rows; values may be null (missing). */
  @JsonProperty("data")
  public abstract List<List<Object>> data();

  /** Row labels (pandas' index), one per row; the server numbers rows when absent. */
  @JsonProperty("index")
  public abstract Optional<List<Object>> index();

  /**
   * Rejects a frame whose rows and columns do not line up, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException when a row has another number of values
   *     than there are columns, or the index another length than the rows
   */
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
