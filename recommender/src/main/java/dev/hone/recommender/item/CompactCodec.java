package dev.hone.recommender.item;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The binary form of the item side's own records (its re-key topic and its stores, none of them
 * part of the contract): a version byte, then the fields in a fixed order, doubles exact. Each
 * item record was written and read as JSON up to four times per answer, the item side's largest
 * cost in the bench's profile. Plain Java; the serde ({@code streams.BinarySerde}) picks this
 * form or the JSON written before by the first byte.
 */
public abstract class CompactCodec<T> {

    /** The first byte of the binary form (JSON begins with '{'), unless a codec names its own. */
    public static final int VERSION = 1;

    private final int format;

    CompactCodec() {
        this(VERSION);
    }

    /** A codec whose records begin with {@code format} instead, so a reader of one topic can tell two record types apart. */
    CompactCodec(int format) {
        this.format = format;
    }

    /** The first byte of this codec's records. */
    public final int format() {
        return format;
    }

    abstract void write(DataOutputStream out, T value) throws IOException;

    abstract T read(Fields in) throws IOException;

    public final byte[] encode(T value) {
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** The record from its binary form, version byte included; what cannot be read throws {@link IllegalArgumentException} naming the field. */
    public final T decode(byte[] data) {
        if (data.length == 0 || data[0] != format) {
            throw new IllegalArgumentException("format byte " + (data.length == 0 ? "missing" : Integer.toString(data[0] & 0xFF))
                    + " is not binary version " + format);
        }
        var in = new Fields(new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1)));
        try {
            T value = read(in);
            if (in.in.available() > 0) {
                throw new IOException("bytes left after the last field");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("field " + in.field + ": " + (e.getMessage() == null ? "the record ends early" : e.getMessage()), e);
        }
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }
    }

    /** Reads fields by name, so that a record that cannot be read says which field broke. */
    static final class Fields {
        private final DataInputStream in;
        private String field = "(none)";

        Fields(DataInputStream in) {
            this.in = in;
        }

        private DataInputStream at(String name) {
            field = name;
            return in;
        }

        String string(String name) throws IOException {
            return at(name).readBoolean() ? in.readUTF() : null;
        }

        int integer(String name) throws IOException {
            return at(name).readInt();
        }

        long number(String name) throws IOException {
            return at(name).readLong();
        }

        double real(String name) throws IOException {
            return at(name).readDouble();
        }

        boolean flag(String name) throws IOException {
            return at(name).readBoolean();
        }

        Instant instant(String name) throws IOException {
            return at(name).readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
        }
    }
}
