package dev.kiln.sql.internal.arrow;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.flatbuf.BodyCompression;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.DictionaryEncoding;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FixedSizeBinary;
import org.apache.arrow.flatbuf.FixedSizeList;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;

/**
 * Reads an Arrow IPC <em>stream</em> (what Databricks sends per ARROW_STREAM chunk): a Schema message,
 * then DictionaryBatch and RecordBatch messages, ending at the end-of-stream marker (or the end of
 * input). Messages may use the continuation marker {@code 0xFFFFFFFF} or the legacy form without it.
 * Record batches may use LZ4_FRAME buffer compression. Only the generated flatbuffers classes of
 * {@code arrow-format} are used: no Arrow memory or vector modules.
 *
 * <p>Not thread-safe. Each {@link ArrowBatch} owns its bytes and stays valid after later calls.
 */
public final class ArrowStreamReader implements Closeable {
  private static final int CONTINUATION = 0xFFFFFFFF;
  /** Flatbuffer metadata larger than this is corrupt input, not a schema. */
  private static final int MAX_METADATA = 64 * 1024 * 1024;

  private final InputStream in;
  private final byte[] prefix = new byte[8];
  private List<ArrowField> schema;
  private final Map<Long, ArrowField> dictionaryFields = new HashMap<>();
  private final Map<Long, Dictionary> dictionaries = new HashMap<>();
  private boolean ended;
  private int messageIndex = -1;

  /** A stream of raw Arrow IPC bytes. */
  public ArrowStreamReader(InputStream in) {
    this.in = new BufferedInputStream(Objects.requireNonNull(in, "in"), 64 * 1024);
  }

  /**
   * A reader over a chunk as downloaded: LZ4-frame decompressed first when the manifest's {@code
   * result_compression} is {@code LZ4_FRAME}.
   */
  public static ArrowStreamReader open(InputStream in, boolean lz4Frame) {
    return new ArrowStreamReader(lz4Frame ? new Lz4FrameInputStream(in) : in);
  }

  /** The fields of the stream's schema, reading the schema message if not read yet. */
  public List<ArrowField> schema() throws IOException {
    if (schema == null) {
      Msg msg = readMessage();
      if (msg == null) {
        throw new ArrowFormatException("Arrow stream ended before its schema message");
      }
      if (msg.message.headerType() != MessageHeader.Schema) {
        throw new ArrowFormatException("Arrow stream starts with a " + headerName(msg.message.headerType())
            + " message; expected Schema");
      }
      Schema s = (Schema) msg.message.header(new Schema());
      if (s == null) {
        throw new ArrowFormatException("Arrow schema message has no schema");
      }
      List<ArrowField> fields = new ArrayList<>(s.fieldsLength());
      for (int i = 0; i < s.fieldsLength(); i++) {
        fields.add(field(s.fields(i)));
      }
      schema = Collections.unmodifiableList(fields);
    }
    return schema;
  }

  /** The next record batch (dictionary batches on the way are applied), or null at end of stream. */
  public ArrowBatch next() throws IOException {
    List<ArrowField> fields = schema();
    while (true) {
      Msg msg = readMessage();
      if (msg == null) {
        return null;
      }
      byte type = msg.message.headerType();
      if (type == MessageHeader.RecordBatch) {
        RecordBatch rb = (RecordBatch) msg.message.header(new RecordBatch());
        Body body = new Body(msg.body, rb);
        Cursor cursor = new Cursor(rb, body);
        ArrowVector[] columns = new ArrowVector[fields.size()];
        long dictionaryBytes = 0;
        List<Dictionary> used = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
          columns[c] = cursor.vector(fields.get(c), used);
        }
        cursor.finish();
        Set<Dictionary> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(used);
        for (Dictionary d : distinct) {
          dictionaryBytes += d.bytes;
        }
        return new ArrowBatch(fields, columns, checkedInt(rb.length(), "record batch length"),
            body.retained + dictionaryBytes);
      } else if (type == MessageHeader.DictionaryBatch) {
        readDictionary((DictionaryBatch) msg.message.header(new DictionaryBatch()), msg.body);
      } else if (type == MessageHeader.Schema) {
        throw new ArrowFormatException("Arrow stream has a second schema message (message " + messageIndex + ")");
      } else {
        throw new ArrowFormatException("Unsupported Arrow message " + headerName(type) + " (message " + messageIndex + ")");
      }
    }
  }

  @Override
  public void close() throws IOException {
    ended = true;
    dictionaries.clear();
    in.close();
  }

  // ---- messages ----

  private static final class Msg {
    final Message message;
    final byte[] body;

    Msg(Message message, byte[] body) {
      this.message = message;
      this.body = body;
    }
  }

  private Msg readMessage() throws IOException {
    if (ended) {
      return null;
    }
    int got = readUpTo(prefix, 0, 4);
    if (got == 0) {
      ended = true; // end of input without the end-of-stream marker: accepted, as Arrow Java does
      return null;
    }
    if (got < 4) {
      throw new EOFException("Truncated Arrow stream: " + got + " byte(s) where a message length was expected");
    }
    messageIndex++;
    int length = intLE(prefix, 0);
    if (length == CONTINUATION) {
      readFully(prefix, 0, 4, "message length");
      length = intLE(prefix, 0);
    }
    if (length == 0) {
      ended = true;
      return null;
    }
    if (length < 0 || length > MAX_METADATA) {
      throw new ArrowFormatException("Bad Arrow message metadata length " + length + " (message " + messageIndex
          + "); is this an Arrow IPC stream" + (intLE(prefix, 0) == 0x184D2204 ? " or still LZ4-compressed?" : "?"));
    }
    byte[] metadata = new byte[length];
    readFully(metadata, 0, length, "message metadata");
    Message message;
    long bodyLength;
    try {
      message = Message.getRootAsMessage(ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN));
      bodyLength = message.bodyLength();
      message.headerType();
    } catch (RuntimeException e) {
      throw new ArrowFormatException("Corrupt Arrow message metadata (message " + messageIndex + ")", e);
    }
    if (bodyLength < 0 || bodyLength > Integer.MAX_VALUE - 16) {
      throw new ArrowFormatException("Bad Arrow message body length " + bodyLength + " (message " + messageIndex + ")");
    }
    byte[] body = new byte[(int) bodyLength];
    readFully(body, 0, body.length, "message body");
    return new Msg(message, body);
  }

  private void readDictionary(DictionaryBatch batch, byte[] bytes) throws IOException {
    long id = batch.id();
    ArrowField valueField = dictionaryFields.get(id);
    if (valueField == null) {
      throw new ArrowFormatException("Arrow dictionary batch for unknown dictionary id " + id);
    }
    if (batch.isDelta()) {
      throw new ArrowFormatException("Arrow delta dictionary batches are not supported (dictionary " + id + ")");
    }
    RecordBatch rb = batch.data();
    Body body = new Body(bytes, rb);
    Cursor cursor = new Cursor(rb, body);
    ArrowVector values = cursor.vector(valueField, new ArrayList<>());
    cursor.finish();
    dictionaries.put(id, new Dictionary(values, body.retained));
  }

  private static final class Dictionary {
    final ArrowVector values;
    final long bytes;

    Dictionary(ArrowVector values, long bytes) {
      this.values = values;
      this.bytes = bytes;
    }
  }

  // ---- schema ----

  private ArrowField field(Field f) throws IOException {
    String name = f.name();
    List<ArrowField> children = new ArrayList<>(f.childrenLength());
    for (int i = 0; i < f.childrenLength(); i++) {
      children.add(field(f.children(i)));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < f.customMetadataLength(); i++) {
      KeyValue kv = f.customMetadata(i);
      if (kv.key() != null) {
        metadata.put(kv.key(), kv.value() == null ? "" : kv.value());
      }
    }
    ArrowKind kind;
    int byteWidth = 0;
    int precision = 0;
    int scale = 0;
    int unit = 0;
    String tz = null;
    int listSize = 0;
    byte type = f.typeType();
    switch (type) {
      case Type.Null:
        kind = ArrowKind.NULL;
        break;
      case Type.Bool:
        kind = ArrowKind.BOOL;
        break;
      case Type.Int:
        kind = intKind((Int) f.type(new Int()), name);
        break;
      case Type.FloatingPoint: {
        short p = ((FloatingPoint) f.type(new FloatingPoint())).precision();
        if (p == Precision.SINGLE) {
          kind = ArrowKind.FLOAT32;
        } else if (p == Precision.DOUBLE) {
          kind = ArrowKind.FLOAT64;
        } else {
          throw unsupported("half-precision float", name);
        }
        break;
      }
      case Type.Decimal: {
        org.apache.arrow.flatbuf.Decimal d = (org.apache.arrow.flatbuf.Decimal) f.type(new org.apache.arrow.flatbuf.Decimal());
        if (d.bitWidth() != 128 && d.bitWidth() != 256) {
          throw unsupported("decimal" + d.bitWidth(), name);
        }
        kind = ArrowKind.DECIMAL;
        byteWidth = d.bitWidth() / 8;
        precision = d.precision();
        scale = d.scale();
        break;
      }
      case Type.Utf8:
        kind = ArrowKind.UTF8;
        break;
      case Type.LargeUtf8:
        kind = ArrowKind.LARGE_UTF8;
        break;
      case Type.Binary:
        kind = ArrowKind.BINARY;
        break;
      case Type.LargeBinary:
        kind = ArrowKind.LARGE_BINARY;
        break;
      case Type.FixedSizeBinary:
        kind = ArrowKind.FIXED_SIZE_BINARY;
        byteWidth = ((FixedSizeBinary) f.type(new FixedSizeBinary())).byteWidth();
        break;
      case Type.Date:
        kind = ((org.apache.arrow.flatbuf.Date) f.type(new org.apache.arrow.flatbuf.Date())).unit() == 0
            ? ArrowKind.DATE_DAY : ArrowKind.DATE_MILLI;
        break;
      case Type.Time: {
        org.apache.arrow.flatbuf.Time t = (org.apache.arrow.flatbuf.Time) f.type(new org.apache.arrow.flatbuf.Time());
        kind = ArrowKind.TIME;
        unit = t.unit();
        break;
      }
      case Type.Timestamp: {
        org.apache.arrow.flatbuf.Timestamp t =
            (org.apache.arrow.flatbuf.Timestamp) f.type(new org.apache.arrow.flatbuf.Timestamp());
        kind = ArrowKind.TIMESTAMP;
        unit = t.unit();
        tz = t.timezone();
        break;
      }
      case Type.Interval: {
        short u = ((org.apache.arrow.flatbuf.Interval) f.type(new org.apache.arrow.flatbuf.Interval())).unit();
        kind = u == 0 ? ArrowKind.INTERVAL_YEAR_MONTH : u == 1 ? ArrowKind.INTERVAL_DAY_TIME : ArrowKind.INTERVAL_MONTH_DAY_NANO;
        break;
      }
      case Type.Duration:
        kind = ArrowKind.DURATION;
        unit = ((org.apache.arrow.flatbuf.Duration) f.type(new org.apache.arrow.flatbuf.Duration())).unit();
        break;
      case Type.List:
        kind = ArrowKind.LIST;
        break;
      case Type.LargeList:
        kind = ArrowKind.LARGE_LIST;
        break;
      case Type.FixedSizeList:
        kind = ArrowKind.FIXED_SIZE_LIST;
        listSize = ((FixedSizeList) f.type(new FixedSizeList())).listSize();
        break;
      case Type.Struct_:
        kind = ArrowKind.STRUCT;
        break;
      case Type.Map:
        kind = ArrowKind.MAP;
        break;
      default:
        throw unsupported(type >= 0 && type < Type.names.length ? Type.name(type) : "type " + type, name);
    }
    int expectedChildren = kind == ArrowKind.STRUCT ? -1 : kind.isNested() ? 1 : 0;
    if (expectedChildren >= 0 && children.size() != expectedChildren) {
      throw new ArrowFormatException("Arrow field '" + name + "' of type " + kind + " has " + children.size() + " children");
    }
    if (kind == ArrowKind.MAP && children.get(0).children().size() != 2) {
      throw new ArrowFormatException("Arrow map field '" + name + "' entries need a key and a value");
    }
    long dictionaryId = -1;
    ArrowKind indexKind = null;
    DictionaryEncoding encoding = f.dictionary();
    if (encoding != null) {
      dictionaryId = encoding.id();
      Int indexType = encoding.indexType();
      indexKind = indexType == null ? ArrowKind.INT32 : intKind(indexType, name);
    }
    ArrowField field = new ArrowField(name, kind, f.nullable(), byteWidth, precision, scale, unit, tz, listSize,
        children, metadata, dictionaryId, indexKind);
    if (encoding != null) {
      dictionaryFields.put(dictionaryId, field.valueField());
    }
    return field;
  }

  private static ArrowKind intKind(Int t, String name) throws IOException {
    switch (t.bitWidth()) {
      case 8:
        return t.isSigned() ? ArrowKind.INT8 : ArrowKind.UINT8;
      case 16:
        return t.isSigned() ? ArrowKind.INT16 : ArrowKind.UINT16;
      case 32:
        return t.isSigned() ? ArrowKind.INT32 : ArrowKind.UINT32;
      case 64:
        return t.isSigned() ? ArrowKind.INT64 : ArrowKind.UINT64;
      default:
        throw unsupported("int" + t.bitWidth(), name);
    }
  }

  private static ArrowFormatException unsupported(String type, String field) {
    return new ArrowFormatException("Unsupported Arrow type " + type + " in field '" + field + "'");
  }

  // ---- record batch bodies ----

  /** A message body and its buffers, decompressed when the batch says so. */
  private final class Body {
    final byte[] bytes;
    final RecordBatch rb;
    final boolean lz4;
    long retained;
    private boolean bodyReferenced;

    Body(byte[] bytes, RecordBatch rb) throws IOException {
      if (rb == null) {
        throw new ArrowFormatException("Arrow batch message has no record batch (message " + messageIndex + ")");
      }
      this.bytes = bytes;
      this.rb = rb;
      BodyCompression compression = rb.compression();
      if (compression == null) {
        lz4 = false;
      } else if (compression.codec() == CompressionType.LZ4_FRAME) {
        lz4 = true;
      } else {
        throw new ArrowFormatException("Unsupported Arrow body compression "
            + (compression.codec() == CompressionType.ZSTD ? "ZSTD" : "codec " + compression.codec())
            + " (message " + messageIndex + "); Kiln reads LZ4_FRAME");
      }
      if (rb.variadicBufferCountsLength() > 0) {
        throw new ArrowFormatException("Unsupported Arrow view types (variadic buffers) in message " + messageIndex);
      }
    }

    ByteBuffer buffer(int index) throws IOException {
      if (index >= rb.buffersLength()) {
        throw new ArrowFormatException("Arrow record batch has too few buffers (message " + messageIndex + ")");
      }
      org.apache.arrow.flatbuf.Buffer b = rb.buffers(index);
      long offset = b.offset();
      long length = b.length();
      if (offset < 0 || length < 0 || offset + length > bytes.length) {
        throw new ArrowFormatException("Arrow buffer " + index + " [" + offset + ", +" + length
            + ") lies outside the message body of " + bytes.length + " bytes (message " + messageIndex + ")");
      }
      if (length == 0) {
        return slice(0, 0);
      }
      if (!lz4) {
        markBody();
        return slice((int) offset, (int) length);
      }
      if (length < 8) {
        throw new ArrowFormatException("Arrow compressed buffer " + index + " is shorter than its length prefix");
      }
      long uncompressed = ByteBuffer.wrap(bytes, (int) offset, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (uncompressed == -1) {
        markBody();
        return slice((int) offset + 8, (int) length - 8);
      }
      if (uncompressed < 0 || uncompressed > Integer.MAX_VALUE - 16) {
        throw new ArrowFormatException("Bad uncompressed length " + uncompressed + " of Arrow buffer " + index);
      }
      byte[] out = new byte[(int) uncompressed];
      try (InputStream lz = new Lz4FrameInputStream(new ByteArrayInputStream(bytes, (int) offset + 8, (int) length - 8))) {
        int got = lz.readNBytes(out, 0, out.length);
        if (got != out.length || lz.read() >= 0) {
          throw new ArrowFormatException("Arrow buffer " + index + " decompresses to " + (got == out.length ? "more" : got)
              + " bytes, not the " + uncompressed + " its prefix says");
        }
      }
      retained += out.length;
      return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void markBody() {
      if (!bodyReferenced) {
        bodyReferenced = true;
        retained += bytes.length;
      }
    }

    private ByteBuffer slice(int offset, int length) {
      return ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** Walks field nodes and buffers in the IPC order (depth-first, pre-order). */
  private final class Cursor {
    private final RecordBatch rb;
    private final Body body;
    private final FieldNode node = new FieldNode();
    private int nodeIndex;
    private int bufferIndex;

    Cursor(RecordBatch rb, Body body) {
      this.rb = rb;
      this.body = body;
    }

    ArrowVector vector(ArrowField field, List<Dictionary> used) throws IOException {
      if (nodeIndex >= rb.nodesLength()) {
        throw new ArrowFormatException("Arrow record batch has too few field nodes for field '" + field.name() + "'");
      }
      rb.nodes(node, nodeIndex++);
      int length = checkedInt(node.length(), "length of field '" + field.name() + "'");
      int nullCount = checkedInt(node.nullCount(), "null count of field '" + field.name() + "'");
      if (field.isDictionaryEncoded()) {
        ByteBuffer validity = body.buffer(bufferIndex++);
        ByteBuffer indices = body.buffer(bufferIndex++);
        Dictionary dictionary = dictionaries.get(field.dictionaryId());
        if (dictionary == null) {
          throw new ArrowFormatException("Arrow field '" + field.name() + "' uses dictionary " + field.dictionaryId()
              + " before any dictionary batch defined it");
        }
        used.add(dictionary);
        checkValidity(field, validity, length, nullCount);
        checkSize(field, indices, (long) length * width(field.indexKind()), "indices");
        ArrowVector v = new ArrowVector(field, length, nullCount, validity, null, indices, new ArrowVector[0],
            dictionary.values);
        checkIndices(v, dictionary.values.length());
        return v;
      }
      ArrowKind kind = field.kind();
      if (kind == ArrowKind.NULL) {
        return new ArrowVector(field, length, length, null, null, null, new ArrowVector[0], null);
      }
      ByteBuffer validity = body.buffer(bufferIndex++);
      checkValidity(field, validity, length, nullCount);
      ByteBuffer offsets = null;
      ByteBuffer data = null;
      ArrowVector[] children = new ArrowVector[field.children().size()];
      switch (kind) {
        case UTF8:
        case BINARY:
        case LARGE_UTF8:
        case LARGE_BINARY:
          offsets = body.buffer(bufferIndex++);
          data = body.buffer(bufferIndex++);
          checkOffsets(field, offsets, length, data.capacity());
          break;
        case LIST:
        case LARGE_LIST:
        case MAP:
          offsets = body.buffer(bufferIndex++);
          break;
        case FIXED_SIZE_LIST:
        case STRUCT:
          break;
        case BOOL:
          data = body.buffer(bufferIndex++);
          checkSize(field, data, ((long) length + 7) / 8, "data");
          break;
        default:
          data = body.buffer(bufferIndex++);
          checkSize(field, data, (long) length * width(field), "data");
      }
      for (int i = 0; i < children.length; i++) {
        children[i] = vector(field.children().get(i), used);
      }
      if (kind == ArrowKind.LIST || kind == ArrowKind.LARGE_LIST || kind == ArrowKind.MAP) {
        checkOffsets(field, offsets, length, children[0].length());
      } else if (kind == ArrowKind.FIXED_SIZE_LIST && (long) length * field.listSize() > children[0].length()) {
        throw new ArrowFormatException("Arrow fixed-size list '" + field.name() + "' needs more child values than it has");
      }
      return new ArrowVector(field, length, nullCount, validity, offsets, data, children, null);
    }

    void finish() throws IOException {
      if (nodeIndex != rb.nodesLength()) {
        throw new ArrowFormatException("Arrow record batch has " + rb.nodesLength() + " field nodes; the schema uses " + nodeIndex);
      }
    }
  }

  private static void checkValidity(ArrowField field, ByteBuffer validity, int length, int nullCount) throws IOException {
    if (nullCount > length) {
      throw new ArrowFormatException("Arrow field '" + field.name() + "' has " + nullCount + " nulls in " + length + " slots");
    }
    if (nullCount > 0 && validity.capacity() < (length + 7) / 8) {
      throw new ArrowFormatException("Arrow field '" + field.name() + "' validity bitmap is too short");
    }
  }

  private static void checkSize(ArrowField field, ByteBuffer buffer, long needed, String what) throws IOException {
    if (buffer.capacity() < needed) {
      throw new ArrowFormatException("Arrow field '" + field.name() + "' " + what + " buffer holds " + buffer.capacity()
          + " bytes; " + needed + " needed");
    }
  }

  private static void checkOffsets(ArrowField field, ByteBuffer offsets, int length, long limit) throws IOException {
    if (length == 0) {
      return;
    }
    boolean large = field.kind() == ArrowKind.LARGE_UTF8 || field.kind() == ArrowKind.LARGE_BINARY
        || field.kind() == ArrowKind.LARGE_LIST;
    int width = large ? 8 : 4;
    checkSize(field, offsets, (long) (length + 1) * width, "offsets");
    long previous = large ? offsets.getLong(0) : offsets.getInt(0);
    if (previous < 0) {
      throw new ArrowFormatException("Arrow field '" + field.name() + "' has a negative offset");
    }
    for (int i = 1; i <= length; i++) {
      long next = large ? offsets.getLong(i * 8) : offsets.getInt(i * 4);
      if (next < previous) {
        throw new ArrowFormatException("Arrow field '" + field.name() + "' offsets decrease at slot " + (i - 1));
      }
      previous = next;
    }
    if (previous > limit) {
      throw new ArrowFormatException("Arrow field '" + field.name() + "' offsets run past its data (" + previous + " > " + limit + ")");
    }
  }

  private static void checkIndices(ArrowVector v, int dictionaryLength) throws IOException {
    for (int i = 0; i < v.length(); i++) {
      if (!v.isNullSlot(i)) {
        int index = v.index(i);
        if (index < 0 || index >= dictionaryLength) {
          throw new ArrowFormatException("Arrow field '" + v.field().name() + "' has dictionary index " + index
              + " outside its dictionary of " + dictionaryLength);
        }
      }
    }
  }

  private static int width(ArrowField field) {
    switch (field.kind()) {
      case DECIMAL:
      case FIXED_SIZE_BINARY:
        return field.byteWidth();
      case TIME:
        return field.timeUnit() <= ArrowField.MILLISECOND ? 4 : 8;
      default:
        return width(field.kind());
    }
  }

  private static int width(ArrowKind kind) {
    switch (kind) {
      case INT8:
      case UINT8:
        return 1;
      case INT16:
      case UINT16:
        return 2;
      case INT32:
      case UINT32:
      case FLOAT32:
      case DATE_DAY:
      case INTERVAL_YEAR_MONTH:
        return 4;
      case INTERVAL_MONTH_DAY_NANO:
        return 16;
      default:
        return 8;
    }
  }

  // ---- bytes ----

  private static int checkedInt(long value, String what) throws IOException {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new ArrowFormatException("Bad Arrow " + what + ": " + value);
    }
    return (int) value;
  }

  private static String headerName(byte type) {
    return type >= 0 && type < MessageHeader.names.length ? MessageHeader.name(type) : "header type " + type;
  }

  private int readUpTo(byte[] b, int off, int len) throws IOException {
    return in.readNBytes(b, off, len);
  }

  private void readFully(byte[] b, int off, int len, String what) throws IOException {
    int got = in.readNBytes(b, off, len);
    if (got < len) {
      throw new EOFException("Truncated Arrow stream: input ended in the " + what + " of message " + messageIndex
          + " (" + got + " of " + len + " bytes)");
    }
  }

  private static int intLE(byte[] b, int i) {
    return XxHash32.intLE(b, i);
  }
}
