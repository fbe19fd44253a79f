package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Binary;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Date;
import org.apache.arrow.flatbuf.DateUnit;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Struct_;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;

/**
 * Renders rows of Databricks-formatted text (the same text JSON_ARRAY serves) as one Arrow IPC stream per
 * chunk: the schema message, record batches of at most {@link #MAX_BATCH_ROWS} rows, and the end-of-stream
 * marker. Types follow what Databricks sends over the Statement Execution API: BYTE/SHORT/INT/LONG as signed
 * int8..int64, FLOAT/DOUBLE as float32/float64, DECIMAL as decimal128(p,s), STRING utf8, BINARY binary,
 * BOOLEAN bool, DATE date32, TIMESTAMP timestamp(µs, "Etc/UTC"), TIMESTAMP_NTZ timestamp(µs); ARRAY, MAP,
 * STRUCT, INTERVAL and NULL as utf8 text (the JSON_ARRAY text), unless {@code nativeComplexTypes} asks for
 * Arrow list/map/struct as Databricks sends over Thrift with {@code complexTypesAsArrow}. Every field carries
 * {@code Spark:DataType:SqlName} metadata with its SQL type text.
 *
 * <p>The flatbuffers are built with Arrow's generated builders ({@code arrow-format}); no Arrow vector or
 * memory module is involved, so the emulator needs no {@code --add-opens}.
 */
final class ArrowStreamWriter {
  static final String SQL_NAME_KEY = "Spark:DataType:SqlName";
  /** Databricks SQL's default session time zone. */
  static final String SESSION_TIME_ZONE = "Etc/UTC";
  /** A chunk holds one record batch per this many rows (Databricks chunks carry several batches). */
  static final int MAX_BATCH_ROWS = 4096;

  private static final ObjectMapper NESTED =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final byte[] CONTINUATION = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

  private enum Kind {
    INT8(1), INT16(2), INT32(4), INT64(8), FLOAT32(4), FLOAT64(8), DECIMAL(16), DATE(4), TIMESTAMP(8),
    TIMESTAMP_NTZ(8), BOOL(0), UTF8(0), BINARY(0), LIST(0), MAP(0), STRUCT(0);

    final int width;

    Kind(int width) {
      this.width = width;
    }
  }

  private final List<ResultColumn> columns;
  private final boolean nativeComplexTypes;
  private final byte[] schemaMessage;

  ArrowStreamWriter(List<ResultColumn> columns, boolean nativeComplexTypes) {
    this.columns = List.copyOf(columns);
    this.nativeComplexTypes = nativeComplexTypes;
    this.schemaMessage = schemaMessage();
  }

  /** One complete IPC stream holding {@code rows}. */
  byte[] write(List<String[]> rows) {
    Sink out = new Sink(Math.max(1024, rows.size() * columns.size() * 12));
    out.bytes(schemaMessage, 0, schemaMessage.length);
    for (int from = 0; from < rows.size(); from += MAX_BATCH_ROWS) {
      writeBatch(rows.subList(from, Math.min(rows.size(), from + MAX_BATCH_ROWS)), out);
    }
    out.bytes(CONTINUATION, 0, 4);
    out.int32(0); // end of stream
    return out.toByteArray();
  }

  private Kind kind(ColumnType type) {
    switch (type.typeName()) {
      case "BYTE":
        return Kind.INT8;
      case "SHORT":
        return Kind.INT16;
      case "INT":
        return Kind.INT32;
      case "LONG":
        return Kind.INT64;
      case "FLOAT":
        return Kind.FLOAT32;
      case "DOUBLE":
        return Kind.FLOAT64;
      case "DECIMAL":
        return Kind.DECIMAL;
      case "DATE":
        return Kind.DATE;
      case "TIMESTAMP":
        return Kind.TIMESTAMP;
      case "TIMESTAMP_NTZ":
        return Kind.TIMESTAMP_NTZ;
      case "BOOLEAN":
        return Kind.BOOL;
      case "BINARY":
        return Kind.BINARY;
      case "ARRAY":
        return nativeComplexTypes ? Kind.LIST : Kind.UTF8;
      case "MAP":
        return nativeComplexTypes ? Kind.MAP : Kind.UTF8;
      case "STRUCT":
        return nativeComplexTypes ? Kind.STRUCT : Kind.UTF8;
      default:
        return Kind.UTF8; // STRING, INTERVAL (as its text), NULL (all null), anything DuckDB-only
    }
  }

  // ---- schema ----

  private byte[] schemaMessage() {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    int[] fields = new int[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      ResultColumn column = columns.get(i);
      fields[i] = field(b, column.name(), column.type(), true);
    }
    int fieldsVector = Schema.createFieldsVector(b, fields);
    Schema.startSchema(b);
    Schema.addEndianness(b, Endianness.Little);
    Schema.addFields(b, fieldsVector);
    int schema = Schema.endSchema(b);
    return message(b, MessageHeader.Schema, schema, 0);
  }

  private int field(FlatBufferBuilder b, String name, ColumnType type, boolean nullable) {
    Kind kind = kind(type);
    int[] children;
    switch (kind) {
      case LIST:
        children = new int[] {field(b, "element", type.children().get(0), true)};
        break;
      case STRUCT:
        children = new int[type.children().size()];
        for (int i = 0; i < children.length; i++) {
          children[i] = field(b, type.childNames().get(i), type.children().get(i), true);
        }
        break;
      case MAP:
        int key = field(b, "key", type.children().get(0), false);
        int value = field(b, "value", type.children().get(1), true);
        int entryChildren = Field.createChildrenVector(b, new int[] {key, value});
        int entriesName = b.createString("entries");
        Struct_.startStruct_(b);
        int entriesType = Struct_.endStruct_(b);
        Field.startField(b);
        Field.addName(b, entriesName);
        Field.addNullable(b, false);
        Field.addTypeType(b, Type.Struct_);
        Field.addType(b, entriesType);
        Field.addChildren(b, entryChildren);
        children = new int[] {Field.endField(b)};
        break;
      default:
        children = new int[0];
    }
    int childrenVector = Field.createChildrenVector(b, children);
    int metadata =
        Field.createCustomMetadataVector(
            b, new int[] {KeyValue.createKeyValue(b, b.createString(SQL_NAME_KEY), b.createString(type.typeText()))});
    int nameOffset = b.createString(name);
    byte typeType = typeType(kind);
    int typeOffset = typeTable(b, kind, type);
    Field.startField(b);
    Field.addName(b, nameOffset);
    Field.addNullable(b, nullable);
    Field.addTypeType(b, typeType);
    Field.addType(b, typeOffset);
    Field.addChildren(b, childrenVector);
    Field.addCustomMetadata(b, metadata);
    return Field.endField(b);
  }

  private static byte typeType(Kind kind) {
    switch (kind) {
      case INT8:
      case INT16:
      case INT32:
      case INT64:
        return Type.Int;
      case FLOAT32:
      case FLOAT64:
        return Type.FloatingPoint;
      case DECIMAL:
        return Type.Decimal;
      case DATE:
        return Type.Date;
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return Type.Timestamp;
      case BOOL:
        return Type.Bool;
      case BINARY:
        return Type.Binary;
      case LIST:
        return Type.List;
      case MAP:
        return Type.Map;
      case STRUCT:
        return Type.Struct_;
      default:
        return Type.Utf8;
    }
  }

  private static int typeTable(FlatBufferBuilder b, Kind kind, ColumnType type) {
    switch (kind) {
      case INT8:
      case INT16:
      case INT32:
      case INT64:
        return Int.createInt(b, kind.width * 8, true);
      case FLOAT32:
        return FloatingPoint.createFloatingPoint(b, Precision.SINGLE);
      case FLOAT64:
        return FloatingPoint.createFloatingPoint(b, Precision.DOUBLE);
      case DECIMAL:
        return Decimal.createDecimal(b, type.precision(), type.scale(), 128);
      case DATE:
        return Date.createDate(b, DateUnit.DAY);
      case TIMESTAMP:
        return Timestamp.createTimestamp(b, TimeUnit.MICROSECOND, b.createString(SESSION_TIME_ZONE));
      case TIMESTAMP_NTZ:
        return Timestamp.createTimestamp(b, TimeUnit.MICROSECOND, 0);
      case BOOL:
        Bool.startBool(b);
        return Bool.endBool(b);
      case BINARY:
        Binary.startBinary(b);
        return Binary.endBinary(b);
      case LIST:
        org.apache.arrow.flatbuf.List.startList(b);
        return org.apache.arrow.flatbuf.List.endList(b);
      case MAP:
        return org.apache.arrow.flatbuf.Map.createMap(b, false);
      case STRUCT:
        Struct_.startStruct_(b);
        return Struct_.endStruct_(b);
      default:
        Utf8.startUtf8(b);
        return Utf8.endUtf8(b);
    }
  }

  // ---- record batches ----

  private void writeBatch(List<String[]> rows, Sink out) {
    List<long[]> nodes = new ArrayList<>();
    List<long[]> buffers = new ArrayList<>();
    Sink body = new Sink(rows.size() * columns.size() * 10 + 64);
    for (int c = 0; c < columns.size(); c++) {
      List<Object> values = new ArrayList<>(rows.size());
      for (String[] row : rows) {
        values.add(row[c]);
      }
      encode(columns.get(c).type(), values, nodes, buffers, body);
    }
    FlatBufferBuilder b = new FlatBufferBuilder(256 + 40 * (nodes.size() + buffers.size()));
    RecordBatch.startNodesVector(b, nodes.size());
    for (int i = nodes.size() - 1; i >= 0; i--) {
      FieldNode.createFieldNode(b, nodes.get(i)[0], nodes.get(i)[1]);
    }
    int nodesVector = b.endVector();
    RecordBatch.startBuffersVector(b, buffers.size());
    for (int i = buffers.size() - 1; i >= 0; i--) {
      Buffer.createBuffer(b, buffers.get(i)[0], buffers.get(i)[1]);
    }
    int buffersVector = b.endVector();
    RecordBatch.startRecordBatch(b);
    RecordBatch.addLength(b, rows.size());
    RecordBatch.addNodes(b, nodesVector);
    RecordBatch.addBuffers(b, buffersVector);
    int batch = RecordBatch.endRecordBatch(b);
    byte[] metadata = message(b, MessageHeader.RecordBatch, batch, body.size());
    out.bytes(metadata, 0, metadata.length);
    out.bytes(body.array(), 0, body.size());
  }

  /** Appends one field's node and buffers (and its children's, depth first) for {@code values}. */
  private void encode(ColumnType type, List<Object> values, List<long[]> nodes, List<long[]> buffers, Sink body) {
    Kind kind = kind(type);
    int n = values.size();
    byte[] validity = new byte[(n + 7) / 8];
    int nulls = 0;
    for (int i = 0; i < n; i++) {
      if (isNull(values.get(i))) {
        nulls++;
      } else {
        validity[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    nodes.add(new long[] {n, nulls});
    buffers.add(body.buffer(validity, validity.length));
    switch (kind) {
      case BOOL:
        byte[] bits = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
          if (!isNull(values.get(i)) && Boolean.parseBoolean(text(values.get(i)))) {
            bits[i >> 3] |= (byte) (1 << (i & 7));
          }
        }
        buffers.add(body.buffer(bits, bits.length));
        break;
      case UTF8:
      case BINARY:
        variableWidth(kind, values, buffers, body);
        break;
      case LIST:
        list(type, values, nodes, buffers, body);
        break;
      case STRUCT:
        struct(type, values, nodes, buffers, body);
        break;
      case MAP:
        map(type, values, nodes, buffers, body);
        break;
      default:
        fixedWidth(kind, type, values, buffers, body);
    }
  }

  private static void fixedWidth(Kind kind, ColumnType type, List<Object> values, List<long[]> buffers, Sink body) {
    Sink data = new Sink(values.size() * kind.width);
    for (Object value : values) {
      String text = isNull(value) ? null : text(value);
      switch (kind) {
        case INT8:
          data.int8(text == null ? 0 : integer(text, Byte.MIN_VALUE, Byte.MAX_VALUE, type));
          break;
        case INT16:
          data.int16(text == null ? 0 : integer(text, Short.MIN_VALUE, Short.MAX_VALUE, type));
          break;
        case INT32:
          data.int32(text == null ? 0 : (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
          break;
        case INT64:
          data.int64(text == null ? 0 : integer(text, Long.MIN_VALUE, Long.MAX_VALUE, type));
          break;
        case FLOAT32:
          data.int32(text == null ? 0 : Float.floatToRawIntBits(Float.parseFloat(text)));
          break;
        case FLOAT64:
          data.int64(text == null ? 0 : Double.doubleToRawLongBits(Double.parseDouble(text)));
          break;
        case DECIMAL:
          data.decimal128(text == null ? BigInteger.ZERO : unscaled(text, type));
          break;
        case DATE:
          data.int32(text == null ? 0 : (int) LocalDate.parse(text).toEpochDay());
          break;
        case TIMESTAMP:
          data.int64(text == null ? 0 : micros(Instant.parse(text)));
          break;
        case TIMESTAMP_NTZ:
          data.int64(text == null ? 0 : micros(LocalDateTime.parse(stripZ(text)).toInstant(ZoneOffset.UTC)));
          break;
        default:
          throw new IllegalStateException("not fixed width: " + kind);
      }
    }
    buffers.add(body.buffer(data.array(), data.size()));
  }

  private static void variableWidth(Kind kind, List<Object> values, List<long[]> buffers, Sink body) {
    Sink offsets = new Sink(4 * values.size() + 4);
    Sink data = new Sink(values.size() * 8);
    offsets.int32(0);
    for (Object value : values) {
      if (!isNull(value)) {
        String text = text(value);
        byte[] bytes =
            kind == Kind.BINARY ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        data.bytes(bytes, 0, bytes.length);
      }
      offsets.int32(data.size());
    }
    buffers.add(body.buffer(offsets.array(), offsets.size()));
    buffers.add(body.buffer(data.array(), data.size()));
  }

  private void list(ColumnType type, List<Object> values, List<long[]> nodes, List<long[]> buffers, Sink body) {
    Sink offsets = new Sink(4 * values.size() + 4);
    List<Object> elements = new ArrayList<>();
    offsets.int32(0);
    for (Object value : values) {
      if (!isNull(value)) {
        for (JsonNode element : nested(value)) {
          elements.add(element);
        }
      }
      offsets.int32(elements.size());
    }
    buffers.add(body.buffer(offsets.array(), offsets.size()));
    encode(type.children().get(0), elements, nodes, buffers, body);
  }

  private void struct(ColumnType type, List<Object> values, List<long[]> nodes, List<long[]> buffers, Sink body) {
    List<JsonNode> objects = new ArrayList<>(values.size());
    for (Object value : values) {
      objects.add(isNull(value) ? null : nested(value));
    }
    for (int f = 0; f < type.children().size(); f++) {
      String name = type.childNames().get(f);
      List<Object> fieldValues = new ArrayList<>(objects.size());
      for (JsonNode object : objects) {
        fieldValues.add(object == null ? null : object.get(name));
      }
      encode(type.children().get(f), fieldValues, nodes, buffers, body);
    }
  }

  private void map(ColumnType type, List<Object> values, List<long[]> nodes, List<long[]> buffers, Sink body) {
    Sink offsets = new Sink(4 * values.size() + 4);
    List<Object> keys = new ArrayList<>();
    List<Object> entryValues = new ArrayList<>();
    offsets.int32(0);
    for (Object value : values) {
      if (!isNull(value)) {
        Iterator<Map.Entry<String, JsonNode>> entries = nested(value).fields();
        while (entries.hasNext()) {
          Map.Entry<String, JsonNode> entry = entries.next();
          keys.add(entry.getKey()); // JSON renders every map key as a string
          entryValues.add(entry.getValue());
        }
      }
      offsets.int32(keys.size());
    }
    buffers.add(body.buffer(offsets.array(), offsets.size()));
    // The entries struct: never null itself, so its validity is all ones.
    int entryCount = keys.size();
    nodes.add(new long[] {entryCount, 0});
    byte[] allValid = new byte[(entryCount + 7) / 8];
    Arrays.fill(allValid, (byte) 0xFF);
    buffers.add(body.buffer(allValid, allValid.length));
    encode(type.children().get(0), keys, nodes, buffers, body);
    encode(type.children().get(1), entryValues, nodes, buffers, body);
  }

  // ---- values ----

  private static boolean isNull(Object value) {
    return value == null || (value instanceof JsonNode && ((JsonNode) value).isNull());
  }

  /** Top-level values are JSON_ARRAY text; values inside native nested types are JSON nodes. */
  private static String text(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    JsonNode node = (JsonNode) value;
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static JsonNode nested(Object value) {
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    try {
      return NESTED.readTree((String) value);
    } catch (IOException e) {
      throw new IllegalStateException("nested value is not JSON: " + value, e);
    }
  }

  private static long integer(String text, long min, long max, ColumnType type) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException notPlain) {
      // DuckDB's HUGEINT sums are reported as LONG: one that does not fit overflows, as in ANSI Spark.
      BigInteger big = new BigDecimal(text).toBigInteger();
      if (big.bitLength() > 63) {
        throw overflow(text, type);
      }
      value = big.longValue();
    }
    if (value < min || value > max) {
      throw overflow(text, type);
    }
    return value;
  }

  private static SqlFailure overflow(String text, ColumnType type) {
    return new SqlFailure(
        "ARITHMETIC_OVERFLOW", "22003", "The value " + text + " does not fit the result type " + type.typeText() + ".");
  }

  private static BigInteger unscaled(String text, ColumnType type) {
    BigInteger unscaled = new BigDecimal(text).setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
    if (unscaled.bitLength() > 127) {
      throw overflow(text, type);
    }
    return unscaled;
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  private static String stripZ(String text) {
    return text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
  }

  // ---- framing ----

  /** An encapsulated IPC message: continuation, padded metadata length, flatbuffer, padding. */
  private static byte[] message(FlatBufferBuilder b, byte headerType, int header, long bodyLength) {
    int message = Message.createMessage(b, MetadataVersion.V5, headerType, header, bodyLength, 0);
    b.finish(message);
    byte[] flatbuffer = b.sizedByteArray();
    int padded = (flatbuffer.length + 8 + 7) / 8 * 8 - 8;
    Sink out = new Sink(padded + 8);
    out.bytes(CONTINUATION, 0, 4);
    out.int32(padded);
    out.bytes(flatbuffer, 0, flatbuffer.length);
    out.padTo8();
    return out.toByteArray();
  }

  /** A little-endian byte buffer that grows. */
  static final class Sink {
    private byte[] bytes;
    private int size;

    Sink(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    void bytes(byte[] source, int offset, int length) {
      ensure(length);
      System.arraycopy(source, offset, bytes, size, length);
      size += length;
    }

    void int8(long value) {
      ensure(1);
      bytes[size++] = (byte) value;
    }

    void int16(long value) {
      ensure(2);
      bytes[size++] = (byte) value;
      bytes[size++] = (byte) (value >>> 8);
    }

    void int32(int value) {
      ensure(4);
      for (int i = 0; i < 4; i++) {
        bytes[size++] = (byte) (value >>> (8 * i));
      }
    }

    void int64(long value) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        bytes[size++] = (byte) (value >>> (8 * i));
      }
    }

    /** 16 bytes, little-endian two's complement. */
    void decimal128(BigInteger value) {
      byte[] big = value.toByteArray(); // big-endian, minimal
      byte sign = value.signum() < 0 ? (byte) 0xFF : 0;
      ensure(16);
      for (int i = 0; i < 16; i++) {
        bytes[size + i] = i < big.length ? big[big.length - 1 - i] : sign;
      }
      size += 16;
    }

    void padTo8() {
      int pad = (8 - (size & 7)) & 7;
      ensure(pad);
      size += pad; // new bytes are already zero
    }

    /** Appends a body buffer padded to 8 bytes; returns its {offset, length}. */
    long[] buffer(byte[] source, int length) {
      long offset = size;
      bytes(source, 0, length);
      padTo8();
      return new long[] {offset, length};
    }

    int size() {
      return size;
    }

    byte[] array() {
      return bytes;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
