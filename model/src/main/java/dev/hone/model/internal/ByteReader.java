package dev.hone.model.internal;

/** Reads what {@link ByteWriter} wrote. */
public final class ByteReader {

    private final byte[] buf;
    private int pos;

    public ByteReader(byte[] buf) {
        this.buf = buf;
    }

    public int readByte() {
        return buf[pos++] & 0xFF;
    }

    public long readVarLong() {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    public int readVarInt() {
        return Math.toIntExact(readVarLong());
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public float readFloat() {
        int bits = (buf[pos++] & 0xFF) | (buf[pos++] & 0xFF) << 8 | (buf[pos++] & 0xFF) << 16 | (buf[pos++] & 0xFF) << 24;
        return Float.intBitsToFloat(bits);
    }

    public boolean hasMore() {
        return pos < buf.length;
    }
}
