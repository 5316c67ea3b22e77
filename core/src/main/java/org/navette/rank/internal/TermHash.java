package org.navette.rank.internal;

/**
 * 62-bit term hashes (FNV-1a with a final mix, low two bits zero): the ranker compares longs, not
 * strings, in its hot loop. Two distinct words colliding is a 1 in 2^62 event per pair, i.e. never
 * in practice.
 *
 * <pre>{@code
 * long h = TermHash.of("opera");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class TermHash {
    private TermHash() {
    }

    public static long of(String term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 31;
        h *= 0x7fb5d329728ea185L;
        h ^= h >>> 27;
        // the two low bits are left free: a document packs a field number there while sorting its terms
        return h & ~3L;
    }
}
