package dev.kiln.sql;

import dev.kiln.core.testing.Wire;
import static dev.kiln.core.testing.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Json;
import dev.kiln.sql.model.ColumnType;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The response model other modules (Genie) read with the shared mapper. */
class StatementResponseJsonTest {
  @Test
  void readsEveryDocumentedFieldAndIgnoresNewOnes() throws Exception {
    StatementResponse r = Json.mapper().readValue(json("{'statement_id':'01ef','status':{'state':'SUCCEEDED'},"
        + "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':2,'columns':["
        + "{'name':'total','position':0,'type_name':'DECIMAL','type_text':'DECIMAL(10,2)','type_precision':10,"
        + "'type_scale':2},{'name':'span','position':1,'type_name':'INTERVAL','type_text':'INTERVAL DAY',"
        + "'type_interval_type':'DAY'}]},'total_chunk_count':1,'total_row_count':1,'total_byte_count':42,"
        + "'truncated':true,'chunks':[{'chunk_index':0,'row_offset':0,'row_count':1,'byte_count':42}],"
        + "'brand_new':{}},'result':{'chunk_index':0,'row_offset':0,'row_count':1,'data_array':[['1.50',null]]},"
        + "'future_field':[1]}"), StatementResponse.class);

    assertEquals("01ef", r.statementId());
    assertEquals(StatementState.SUCCEEDED, r.state());
    assertEquals(Format.JSON_ARRAY, r.manifest().orElseThrow().format());
    assertTrue(r.manifest().orElseThrow().truncated());
    assertEquals(10, r.manifest().orElseThrow().columns().get(0).typePrecision().getAsInt());
    assertEquals(ColumnType.INTERVAL, r.manifest().orElseThrow().columns().get(1).type());
    assertEquals(Arrays.asList("1.50", null), r.result().orElseThrow().dataArray().orElseThrow().get(0));
    assertEquals(42, r.manifest().orElseThrow().chunks().get(0).byteCount().getAsLong());
  }

  @Test
  void unknownStateKeepsItsName() throws Exception {
    StatementResponse r = Json.mapper().readValue(json("{'statement_id':'x','status':{'state':'QUEUED_SOMEWHERE'}}"),
        StatementResponse.class);
    assertEquals(StatementState.UNKNOWN, r.state());
    assertEquals("QUEUED_SOMEWHERE", r.status().rawState());
  }

  @Test
  void failedStatusCarriesErrorAndSqlState() throws Exception {
    StatementResponse r = Json.mapper().readValue(json("{'statement_id':'x','status':{'state':'FAILED',"
        + "'error':{'error_code':'BAD_REQUEST','message':'boom'},'sql_state':'42000'}}"), StatementResponse.class);
    assertEquals("BAD_REQUEST", r.status().error().orElseThrow().errorCode().orElseThrow());
    assertEquals("42000", r.status().sqlState().orElseThrow());
  }

  @Test
  void writesBackTheSameJson() throws Exception {
    String text = json("{'statement_id':'x','status':{'state':'RUNNING'}}");
    StatementResponse r = Json.mapper().readValue(text, StatementResponse.class);
    assertEquals(Json.mapper().readTree(text), Json.mapper().valueToTree(r));
  }
}
