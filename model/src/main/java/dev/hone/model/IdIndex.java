package dev.hone.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only mapping between string ids (skills, items, learners) and dense ints 0, 1, 2, ...
 * in first-seen order. Looks up UTF-8 byte ranges without allocating, which keeps the CSV reader fast.
 */
public final class IdIndex {

    private final List<String> names = new ArrayList<>();
    private byte[][] keys = new byte[1024][];
    private int[] values = new int[1024];
    private int size;

    /** The id of {@code name}, adding it if new. */
    public int intern(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return intern(bytes, 0, bytes.length);
    }

    /** The id of the UTF-8 string in {@code buf[off, off+len)}, adding it if new. */
    public int intern(byte[] buf, int off, int len) {
        int mask = keys.length - 1;
        int slot = hash(buf, off, len) & mask;
        while (keys[slot] != null) {
            byte[] k = keys[slot];
            if (Arrays.equals(k, 0, k.length, buf, off, off + len)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        keys[slot] = Arrays.copyOfRange(buf, off, off + len);
        values[slot] = id;
        names.add(new String(buf, off, len, StandardCharsets.UTF_8));
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    /** The id of {@code name}, or -1 if unknown. */
    public int find(String name) {
        byte[] buf = name.getBytes(StandardCharsets.UTF_8);
        int mask = keys.length - 1;
        int slot = hash(buf, 0, buf.length) & mask;
        while (keys[slot] != null) {
            if (Arrays.equals(keys[slot], buf)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    public String name(int id) {
        return names.get(id);
    }

    public int size() {
        return size;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            byte[] k = oldKeys[i];
            if (k != null) {
                int slot = hash(k, 0, k.length) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }

    private static int hash(byte[] buf, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ buf[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
