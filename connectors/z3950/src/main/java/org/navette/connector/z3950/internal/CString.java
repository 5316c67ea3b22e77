package org.navette.connector.z3950.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * A NUL-terminated UTF-8 C string encoded once and passed to libyaz as a pointer. JNA otherwise
 * allocates, copies and registers native memory for every {@code String} argument of every call,
 * which for the constant arguments of hot calls ("raw", "syntax", option names) cost more than the
 * calls themselves.
 *
 * <pre>{@code
 * static final CString RAW = CString.of("raw");
 * record.bytes(RAW, length);
 * }</pre>
 *
 * <p>Thread-safety: immutable after construction; libyaz only reads it.
 */
final class CString {
    private final String text;
    private final Memory memory;

    private CString(String text) {
        this.text = text;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        this.memory = new Memory(utf8.length + 1L);
        memory.write(0, utf8, 0, utf8.length);
        memory.setByte(utf8.length, (byte) 0);
    }

    public static CString of(String text) {
        if (text == null || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("C string must be non-null and free of NUL characters, was " + text);
        }
        return new CString(text);
    }

    Pointer pointer() {
        return memory;
    }

    @Override
    public String toString() {
        return text;
    }
}
