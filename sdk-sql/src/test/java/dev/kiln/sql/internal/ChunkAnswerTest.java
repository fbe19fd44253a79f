package dev.kiln.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Json;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChunkAnswerTest {
  @Test
  void dataArrayIsReadStraightIntoRowsByTheSharedParser() throws IOException {
    ChunkAnswer a = read("{'chunk_index':1,'row_offset':2,'row_count':2,'byte_count':40,"
        + "'data_array':[['3',null],[4,{'k':[1,2]}]],'next_chunk_index':2,"
        + "'next_chunk_internal_link':'/x','later':{'nested':[1,[2]]}}");
    assertEquals(OptionalInt.of(1), a.chunkIndex());
    assertEquals(OptionalLong.of(2), a.rowCount());
    assertTrue(a.externalLinks().isEmpty());
    assertEquals(2, a.rows().rowCount());
    assertArrayEquals(new String[] {"3", null}, TestBatches.rows(a.rows()).get(0));
    // Unquoted scalars and inlined JSON are tolerated exactly as in downloaded JSON_ARRAY chunks.
    assertArrayEquals(new String[] {"4", "{\"k\":[1,2]}"}, TestBatches.rows(a.rows()).get(1));
  }

  @Test
  void linksAndCountsWithoutRows() throws IOException {
    ChunkAnswer a = read("{'external_links':[{'chunk_index':3,'row_count':5,'external_link':'https://s/3?sig=x',"
        + "'http_headers':{'h':'v'}}]}");
    assertEquals(OptionalInt.empty(), a.chunkIndex());
    assertEquals(1, a.externalLinks().size());
    assertEquals(3, a.externalLinks().get(0).chunkIndex());
    assertEquals(0, a.rows().rowCount());
  }

  @Test
  void absentOrNullFieldsReadAsEmpty() throws IOException {
    ChunkAnswer a = read("{'chunk_index':null,'row_count':null,'data_array':null,'external_links':null}");
    assertEquals(OptionalInt.empty(), a.chunkIndex());
    assertEquals(OptionalLong.empty(), a.rowCount());
    assertEquals(0, a.rows().rowCount());
    assertEquals(List.of(), a.externalLinks());
    assertEquals(0, read("{}").rows().rowCount());
  }

  @Test
  void aDataArrayThatIsNotRowsIsAnError() {
    assertThrows(IOException.class, () -> read("{'data_array':'rows'}"));
    assertThrows(IOException.class, () -> read("{'data_array':['not a row']}"));
    assertThrows(IOException.class, () -> read("{'data_array':[['a'],['b'"));
  }

  private static ChunkAnswer read(String json) throws IOException {
    return Json.mapper().readValue(json.replace('\'', '"'), ChunkAnswer.class);
  }
}
