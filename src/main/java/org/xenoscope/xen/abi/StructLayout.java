package org.xenoscope.xen.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The i386 layout of one ABI structure as data: name, size, and ordered fields with offset, size and kind,
 * exactly as {@code gcc -m32} lays out Xen's public headers (ABI sheet section 3.4).
 *
 * <p>Invariants (checked by the tests): fields are sorted by offset, do not overlap, and together with the
 * explicit padding fields cover the struct exactly. A union is listed as one field of kind UNION (or by its
 * first member); padding that C does not name is a PAD field whose name is in parentheses.
 */
public final class StructLayout {
    /** How a field is stored. */
    public enum Kind {
        U8, S8, U16, S16, U32, U64,
        /** A char array (zero-padded string). */
        CHARS,
        /** An array of words or of structs ({@link Field#nested()} is the element type when structs). */
        ARRAY,
        /** An embedded struct ({@link Field#nested()}). */
        STRUCT,
        /** A union, kept opaque. */
        UNION,
        /** Padding. */
        PAD
    }

    /** One field; {@code name} is the C member designator (dotted for members of embedded unions/structs). */
    public record Field(String name, int offset, int size, Kind kind, StructLayout nested) {
        /** True when this field is padding C does not name. */
        public boolean isUnnamedPadding() {
            return name.startsWith("(");
        }

        /** Offset of the first byte after the field. */
        public int end() {
            return offset + size;
        }
    }

    private final String name;
    private final String cType;
    private final int size;
    private final List<Field> fields;

    private StructLayout(String name, String cType, int size, List<Field> fields) {
        this.name = name;
        this.cType = cType;
        this.size = size;
        this.fields = List.copyOf(fields);
    }

    /** Starts a layout named as in Xen ({@code start_info}); {@code cType} is its name in our C header or null. */
    public static Builder builder(String name, String cType, int size) {
        return new Builder(name, cType, size);
    }

    /** Xen's name of the structure (without {@code _t}). */
    public String name() {
        return name;
    }

    /** The type name in sample-guests/include/xen/xen.h, if that header defines it. */
    public Optional<String> cType() {
        return Optional.ofNullable(cType);
    }

    /** sizeof on i386. */
    public int size() {
        return size;
    }

    /** The fields in offset order. */
    public List<Field> fields() {
        return fields;
    }

    /**
     * The field at a path: a member name, or {@code outer.inner} through STRUCT fields (and ARRAY fields of
     * structs, meaning element 0). Throws IllegalArgumentException for unknown paths.
     */
    public Field field(String path) {
        for (Field f : fields) {
            if (f.name().equals(path)) {
                return f;
            }
        }
        for (Field f : fields) {
            if (f.nested() != null && path.startsWith(f.name() + ".")) {
                Field inner = f.nested().field(path.substring(f.name().length() + 1));
                return new Field(path, f.offset() + inner.offset(), inner.size(), inner.kind(), inner.nested());
            }
        }
        throw new IllegalArgumentException(name + " has no field " + path);
    }

    /** Offset of the field at {@code path} (see {@link #field}). */
    public int offsetOf(String path) {
        return field(path).offset();
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes)";
    }

    /** Collects fields with their sheet offsets. */
    public static final class Builder {
        private final String name;
        private final String cType;
        private final int size;
        private final List<Field> fields = new ArrayList<>();

        private Builder(String name, String cType, int size) {
            this.name = name;
            this.cType = cType;
            this.size = size;
        }

        /** Adds a field of any kind. */
        public Builder field(String field, int offset, int bytes, Kind kind, StructLayout nested) {
            fields.add(new Field(field, offset, bytes, kind, nested));
            return this;
        }

        public Builder u8(String field, int offset) {
            return field(field, offset, 1, Kind.U8, null);
        }

        public Builder s8(String field, int offset) {
            return field(field, offset, 1, Kind.S8, null);
        }

        public Builder u16(String field, int offset) {
            return field(field, offset, 2, Kind.U16, null);
        }

        public Builder s16(String field, int offset) {
            return field(field, offset, 2, Kind.S16, null);
        }

        public Builder u32(String field, int offset) {
            return field(field, offset, 4, Kind.U32, null);
        }

        public Builder u64(String field, int offset) {
            return field(field, offset, 8, Kind.U64, null);
        }

        public Builder chars(String field, int offset, int bytes) {
            return field(field, offset, bytes, Kind.CHARS, null);
        }

        /** An array of {@code bytes} bytes in total (of words, or of {@code element} structs). */
        public Builder array(String field, int offset, int bytes, StructLayout element) {
            return field(field, offset, bytes, Kind.ARRAY, element);
        }

        public Builder struct(String field, int offset, StructLayout nested) {
            return field(field, offset, nested.size(), Kind.STRUCT, nested);
        }

        public Builder union(String field, int offset, int bytes) {
            return field(field, offset, bytes, Kind.UNION, null);
        }

        /** Padding C does not name. */
        public Builder pad(int offset, int bytes) {
            return field("(pad@" + offset + ")", offset, bytes, Kind.PAD, null);
        }

        /** Padding C names ({@code pad0}). */
        public Builder pad(String field, int offset, int bytes) {
            return field(field, offset, bytes, Kind.PAD, null);
        }

        public StructLayout build() {
            return new StructLayout(name, cType, size, fields);
        }
    }
}
