package dev.kiln.genie;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.PermissionDeniedException;
import dev.kiln.core.testing.Wire;
import dev.kiln.genie.model.GenieConversation;
import dev.kiln.genie.model.GenieSpace;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenieSpacesAndConversationsTest extends GenieTestBase {

  @Test
  void listSpacesFollowsPageTokensLazily() throws Exception {
    server.enqueue(ok("{'spaces':[{'space_id':'s-1','title':'Sales','description':'Pipeline','warehouse_id':'wh-1'},"
        + "{'space_id':'s-2','title':'Tax'}],'next_page_token':'p2'}"));
    server.enqueue(ok("{'spaces':[],'next_page_token':'p3'}"));
    server.enqueue(ok("{'spaces':[{'space_id':'s-3'}]}"));

    PagedIterable<GenieSpace> spaces = genie.listSpaces(2);
    assertEquals(0, server.getRequestCount(), "nothing is fetched before iterating");
    List<GenieSpace> all = spaces.stream().collect(Collectors.toList());

    assertEquals(List.of("s-1", "s-2", "s-3"), all.stream().map(GenieSpace::spaceId).collect(Collectors.toList()));
    assertEquals(Optional.of("Sales"), all.get(0).title());
    assertEquals(Optional.of("Pipeline"), all.get(0).description());
    assertEquals(Optional.of("wh-1"), all.get(0).warehouseId());
    expectGet(server, "/api/2.0/genie/spaces?page_size=2");
    expectGet(server, "/api/2.0/genie/spaces?page_size=2&page_token=p2");
    expectGet(server, "/api/2.0/genie/spaces?page_size=2&page_token=p3");
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void listSpacesWithoutAPageSizeLeavesItToTheServer() throws Exception {
    server.enqueue(ok("{'spaces':[{'space_id':'s-1'}],'next_page_token':''}"));

    assertEquals(1, genie.listSpaces().stream().count());

    expectGet(server, "/api/2.0/genie/spaces");
    assertEquals(1, server.getRequestCount(), "an empty token ends the listing");
  }

  @Test
  void listConversationsPagesWithinTheSpace() throws Exception {
    server.enqueue(ok("{'conversations':[{'conversation_id':'c-1','title':'Deals','created_timestamp':1767225600000}],"
        + "'next_page_token':'t2'}"));
    server.enqueue(ok("{'conversations':[{'conversation_id':'c-2','title':'Tax'}]}"));

    List<GenieConversation> all = genie.listConversations("space-1", 1).stream().collect(Collectors.toList());

    assertEquals(List.of("c-1", "c-2"), all.stream().map(GenieConversation::conversationId).collect(Collectors.toList()));
    assertEquals(Optional.of(1767225600000L), all.get(0).createdTimestamp());
    expectGet(server, "/api/2.0/genie/spaces/space-1/conversations?page_size=1");
    expectGet(server, "/api/2.0/genie/spaces/space-1/conversations?page_size=1&page_token=t2");
  }

  @Test
  void listConversationsCanBeIteratedTwice() throws Exception {
    server.enqueue(ok("{'conversations':[{'conversation_id':'c-1'}]}"));
    server.enqueue(ok("{'conversations':[{'conversation_id':'c-1'}]}"));
    PagedIterable<GenieConversation> conversations = genie.listConversations("space-1");

    assertEquals(1, conversations.stream().count());
    assertEquals(1, conversations.stream().count());

    expectGet(server, "/api/2.0/genie/spaces/space-1/conversations");
    expectGet(server, "/api/2.0/genie/spaces/space-1/conversations");
  }

  @Test
  void getSpaceReadsOneSpace() throws Exception {
    server.enqueue(ok("{'space_id':'space-1','title':'Sales','warehouse_id':'wh-9','serialized_space':'ignored'}"));

    GenieSpace space = genie.getSpace("space-1");

    assertEquals("space-1", space.spaceId());
    assertEquals(Optional.of("wh-9"), space.warehouseId());
    expectGet(server, "/api/2.0/genie/spaces/space-1");
  }

  @Test
  void aForbiddenSpaceIsTyped() throws Exception {
    server.enqueue(Wire.error(403, "{'error_code':'PERMISSION_DENIED','message':'no access to space-1'}"));

    assertThrows(PermissionDeniedException.class, () -> genie.getSpace("space-1"));
  }

  @Test
  void pageSizeMustBePositive() {
    assertThrows(InvalidRequestException.class, () -> genie.listSpaces(0));
    assertThrows(InvalidRequestException.class, () -> genie.listConversations("space-1", -1));
    assertEquals(0, server.getRequestCount());
  }
}
