package dev.kiln.emulator.internal;

/** One column of a statement's result schema. */
final class ResultColumn {
  private final String name;
  private final int position;
  private final ColumnType type;

  ResultColumn(String name, int position, ColumnType type) {
    this.name = name;
    this.position = position;
    this.type = type;
  }

  String name() {
    return name;
  }

  int position() {
    return position;
  }

  ColumnType type() {
    return type;
  }
}
