package dev.kiln.execution.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.execution.model.AutoScale;
import dev.kiln.execution.model.ClusterEvent;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.NodeType;
import dev.kiln.execution.model.SparkVersion;
import java.util.List;

/** Request and response bodies of the Clusters API 2.1 that are not models. Not for users. */
public final class ClustersWire {
  private ClustersWire() {}

  /** {@code {cluster_id}}: start, restart, delete, permanent-delete; and the answer of create. */
  public static final class ClusterRef {
    @JsonProperty("cluster_id") public String clusterId;

    public ClusterRef() {}

    public ClusterRef(String clusterId) {
      this.clusterId = clusterId;
    }
  }

  /** {@code POST resize}: exactly one of the sizes. */
  public static final class Resize {
    @JsonProperty("cluster_id") public final String clusterId;
    @JsonProperty("num_workers") public final Integer numWorkers;
    @JsonProperty("autoscale") public final AutoScale autoscale;

    public Resize(String clusterId, Integer numWorkers, AutoScale autoscale) {
      this.clusterId = clusterId;
      this.numWorkers = numWorkers;
      this.autoscale = autoscale;
    }
  }

  /** {@code POST events}; {@code page_token} set from the second page on. */
  public static final class Events {
    @JsonProperty("cluster_id") public final String clusterId;
    @JsonProperty("start_time") public final Long startTime;
    @JsonProperty("end_time") public final Long endTime;
    @JsonProperty("order") public final String order;
    @JsonProperty("event_types") public final List<String> eventTypes;
    @JsonProperty("page_size") public final Integer pageSize;
    @JsonProperty("page_token") public final String pageToken;

    public Events(String clusterId, Long startTime, Long endTime, String order, List<String> eventTypes,
        Integer pageSize, String pageToken) {
      this.clusterId = clusterId;
      this.startTime = startTime;
      this.endTime = endTime;
      this.order = order;
      this.eventTypes = eventTypes;
      this.pageSize = pageSize;
      this.pageToken = pageToken;
    }
  }

  public static final class EventsPage {
    @JsonProperty("events") public List<ClusterEvent> events;
    @JsonProperty("next_page_token") public String nextPageToken;
  }

  public static final class ListPage {
    @JsonProperty("clusters") public List<ClusterInfo> clusters;
    @JsonProperty("next_page_token") public String nextPageToken;
  }

  public static final class SparkVersions {
    @JsonProperty("versions") public List<SparkVersion> versions;
  }

  public static final class NodeTypes {
    @JsonProperty("node_types") public List<NodeType> nodeTypes;
  }
}
