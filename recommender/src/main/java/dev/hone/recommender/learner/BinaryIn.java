package dev.hone.recommender.learner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reading half of the learner state's binary form, the mirror of {@link BinaryOut}. A value
 * it cannot read throws {@link IllegalArgumentException} naming what is wrong; the serde adds the field.
 */
final class BinaryIn {

    private final byte[] buf;
    private final List<String> dictionary = new ArrayList<>();
    private int pos;
    private final PreviousEventId previousEventId = new PreviousEventId();
    private String previousString = "";

    BinaryIn(byte[] buf, int from) {
        this.buf = buf;
        this.pos = from;
    }

    int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes at offset " + pos);
    }

    long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A count or length: a varint that fits in what is left of the record. */
    int readSize() {
        long n = readVarLong();
        if (n < 0 || n > buf.length - pos) {
            throw new IllegalArgumentException("size " + n + " exceeds the " + (buf.length - pos) + " bytes left");
        }
        return (int) n;
    }

    double readDouble() {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (long) (buf[pos++] & 0xFF) << (8 * i);
        }
        return Double.longBitsToDouble(bits);
    }

    float readFloat() {
        need(4);
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            bits |= (buf[pos++] & 0xFF) << (8 * i);
        }
        return Float.intBitsToFloat(bits);
    }

    double readNumber() {
        long v = readVarLong();
        if (v == 1) {
            return readDouble();
        }
        if ((v & 1) != 0) {
            throw new IllegalArgumentException("number tag " + v + " is neither a whole number nor 1");
        }
        long zigzag = v >>> 1;
        return (double) ((zigzag >>> 1) ^ -(zigzag & 1));
    }

    byte[] readBytes() {
        int n = readSize();
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    String readString() {
        long tag = readVarLong();
        long n = tag >>> 2;
        String s = switch ((int) (tag & 3)) {
            case 0 -> utf8(checkedLength(n));
            case 1 -> entry(n);
            case 2 -> entry(n) + "." + utf8(readSize());
            default -> previousPrefix(n) + utf8(readSize());
        };
        if ((tag & 3) != 1) {
            dictionary.add(s);
        }
        previousString = s;
        return s;
    }

    /** Reads an event id into {@code ids}: a UUID's longs as they are, without making its string. */
    void readEventId(RecentEventIds.Builder ids) {
        long tag = readVarLong();
        if (tag == 0) {
            need(16);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (buf[pos++] & 0xFF);
            }
            for (int i = 0; i < 8; i++) {
                lsb = (lsb << 8) | (buf[pos++] & 0xFF);
            }
            ids.addUuid(msb, lsb);
            previousEventId.uuid(msb, lsb);
            return;
        }
        String previous = previousEventId.text();
        long shared = tag - 1;
        if (shared > previous.length()) {
            throw new IllegalArgumentException("event id shares " + shared + " chars with a previous id of " + previous.length());
        }
        String id = previous.substring(0, (int) shared) + utf8(readSize());
        ids.add(id);
        previousEventId.text(id);
    }

    boolean atEnd() {
        return pos == buf.length;
    }

    private String entry(long n) {
        if (n >= dictionary.size()) {
            throw new IllegalArgumentException("string reference " + n + " but only " + dictionary.size() + " strings so far");
        }
        return dictionary.get((int) n);
    }

    private String previousPrefix(long n) {
        if (n > previousString.length()) {
            throw new IllegalArgumentException("string shares " + n + " chars with a previous string of " + previousString.length());
        }
        return previousString.substring(0, (int) n);
    }

    private int checkedLength(long n) {
        if (n > buf.length - pos) {
            throw new IllegalArgumentException("string of " + n + " bytes exceeds the " + (buf.length - pos) + " bytes left");
        }
        return (int) n;
    }

    private String utf8(int n) {
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private void need(int n) {
        if (pos + n > buf.length) {
            throw new IllegalArgumentException("record ends after " + buf.length + " bytes, " + n + " more needed at offset " + pos);
        }
    }
}
