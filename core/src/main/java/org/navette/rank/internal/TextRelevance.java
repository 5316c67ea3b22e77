package org.navette.rank.internal;

/**
 * The text part of relevance: BM25 per field with field weights, summed over a query's text
 * clauses, with a phrase/proximity bonus when a clause's words stand together. Document
 * frequencies come from the documents being ranked.
 *
 * <p>Ranking is bound by memory, not arithmetic: every document of a result lies elsewhere on the
 * heap, and looking a term up in it is mostly a cache miss. So the first pass looks one term up in
 * every document in a tight loop, whose iterations are independent and let the processor wait for
 * many documents at once; the scoring pass then reads packed frequencies from plain arrays, and
 * only for the documents that hold a query term.
 *
 * <pre>{@code
 * TextRelevance bm25 = new TextRelevance(new double[] {3, 2, 1.5, 1}, 1.2, 0.75, 0.5);
 * double[] rel = bm25.score(clauses, docs, postings, lengths);
 * }</pre>
 *
 * <p>Thread-safety: immutable; each call works on its own arrays.
 */
public final class TextRelevance {
    private static final int FIELDS = ClusterDocument.FIELDS;

    private final double[] fieldWeights;
    private final double k1;
    private final double b;
    private final double phraseBonus;

    /**
     * @param fieldWeights weight per {@link ClusterDocument} field
     * @param k1           BM25 term frequency saturation
     * @param b            BM25 length normalisation
     * @param phraseBonus  relative bonus when a clause's words stand together
     */
    public TextRelevance(double[] fieldWeights, double k1, double b, double phraseBonus) {
        this.fieldWeights = fieldWeights.clone();
        this.k1 = k1;
        this.b = b;
        this.phraseBonus = phraseBonus;
    }

    /**
     * The text relevance of each document (0 when it holds no query word).
     *
     * @param clauses  the query's text clauses
     * @param docs     the documents
     * @param postings each document's {@link ClusterDocument#postings}
     * @param lengths  each document's field lengths, {@code FIELDS} per document
     */
    public double[] score(CompiledQuery.Clause[] clauses, ClusterDocument[] docs, long[][] postings, int[] lengths) {
        int n = docs.length;
        double[] rel = new double[n];
        int termCount = 0;
        for (CompiledQuery.Clause c : clauses) {
            termCount += c.terms().length;
        }
        if (termCount == 0 || n == 0) {
            return rel;
        }
        double[] avgLength = new double[FIELDS];
        for (int d = 0; d < n; d++) {
            for (int f = 0; f < FIELDS; f++) {
                avgLength[f] += lengths[d * FIELDS + f];
            }
        }
        for (int f = 0; f < FIELDS; f++) {
            avgLength[f] = Math.max(1.0, avgLength[f] / n);
        }
        // pass 1, one query term at a time: its frequencies in each document's fields, either packed
        // 8 bits per field as the documents store them (whole words), or FIELDS counts per document
        // (stems, whose counts sum several words and are not capped)
        int[][] packed = new int[termCount][];
        int[][] stemCounts = new int[termCount][];
        int slot = 0;
        for (CompiledQuery.Clause c : clauses) {
            long[] terms = c.terms();
            for (int t = 0; t < terms.length; t++, slot++) {
                if (c.truncated() && t == terms.length - 1) {
                    int[] counts = new int[n * FIELDS];
                    int filterBits = Postings.stemFilterBits(c.words()[t]);
                    for (int d = 0; d < n; d++) {
                        if (Postings.mayHoldStem(postings[d], filterBits)) {
                            docs[d].addStemCounts(c.words()[t], c.fieldMask(), counts, d * FIELDS);
                        }
                    }
                    stemCounts[slot] = counts;
                } else {
                    int keep = fieldBytes(c.fieldMask());
                    long term = terms[t];
                    int[] frequencies = new int[n];
                    for (int d = 0; d < n; d++) {
                        frequencies[d] = Postings.termFrequencies(postings[d], term) & keep;
                    }
                    packed[slot] = frequencies;
                }
            }
        }
        // document frequencies, and the documents holding any term: the only ones scored below
        int[] df = new int[termCount];
        int[] hits = new int[n];
        int hitCount = 0;
        for (int d = 0; d < n; d++) {
            boolean any = false;
            for (int s = 0; s < termCount; s++) {
                if (holds(packed[s], stemCounts[s], d)) {
                    df[s]++;
                    any = true;
                }
            }
            if (any) {
                hits[hitCount++] = d;
            }
        }
        double[] idf = new double[termCount];
        for (int s = 0; s < termCount; s++) {
            idf[s] = Math.log(1.0 + (n - df[s] + 0.5) / (df[s] + 0.5));
        }
        // pass 2: BM25 per field, phrase bonus per clause
        for (int h = 0; h < hitCount; h++) {
            int d = hits[h];
            slot = 0;
            double total = 0;
            for (CompiledQuery.Clause c : clauses) {
                double clauseScore = 0;
                int found = 0;
                // the fields holding every word of the clause: the only ones where they can stand together
                int fieldsWithAll = c.fieldMask();
                for (int t = 0; t < c.terms().length; t++, slot++) {
                    boolean present = false;
                    int fieldsWithTerm = 0;
                    for (int f = 0; f < FIELDS; f++) {
                        int count = packed[slot] != null ? (packed[slot][d] >>> (8 * f)) & 0xFF
                                : stemCounts[slot][d * FIELDS + f];
                        if (count == 0) {
                            continue;
                        }
                        present = true;
                        fieldsWithTerm |= 1 << f;
                        double norm = k1 * (1 - b + b * lengths[d * FIELDS + f] / avgLength[f]);
                        clauseScore += fieldWeights[f] * idf[slot] * count * (k1 + 1) / (count + norm);
                    }
                    if (present) {
                        found++;
                    }
                    fieldsWithAll &= fieldsWithTerm;
                }
                if (clauseScore == 0) {
                    continue;
                }
                if (c.terms().length > 1 && found == c.terms().length) {
                    int proximity = bestProximity(docs[d], c, fieldsWithAll);
                    if (proximity == 2) {
                        clauseScore *= 1 + phraseBonus;
                    } else if (proximity == 1) {
                        clauseScore *= 1 + phraseBonus / 2;
                    } else if (c.phrase()) {
                        clauseScore *= 0.5;
                    }
                } else if (c.phrase() || found < c.terms().length) {
                    // every word asked for should be there: a partial match ranks lower than a full one
                    clauseScore *= (double) found / c.terms().length;
                }
                total += clauseScore;
            }
            rel[d] = total;
        }
        return rel;
    }

    /** 0xFF in the byte of each field of {@code fieldMask}: keeps the packed frequencies of the fields searched. */
    private static int fieldBytes(int fieldMask) {
        int keep = 0;
        for (int f = 0; f < FIELDS; f++) {
            if ((fieldMask & (1 << f)) != 0) {
                keep |= 0xFF << (8 * f);
            }
        }
        return keep;
    }

    private static boolean holds(int[] packed, int[] stemCounts, int d) {
        if (packed != null) {
            return packed[d] != 0;
        }
        int base = d * FIELDS;
        return (stemCounts[base] | stemCounts[base + 1] | stemCounts[base + 2] | stemCounts[base + 3]) != 0;
    }

    /**
     * 2 when the clause's words stand together in order in one of {@code fields} (a bit per field),
     * 1 when within a short window, else 0.
     */
    private static int bestProximity(ClusterDocument doc, CompiledQuery.Clause c, int fields) {
        int best = 0;
        long[] terms = c.terms();
        for (int f = 0; f < ClusterDocument.FIELDS && best < 2; f++) {
            if ((fields & (1 << f)) == 0) {
                continue;
            }
            long[] seq = doc.sequence[f];
            int window = terms.length + 2;
            for (int i = 0; i < seq.length && best < 2; i++) {
                if (seq[i] != terms[0]) {
                    continue;
                }
                boolean adjacent = i + terms.length <= seq.length;
                for (int k = 1; adjacent && k < terms.length; k++) {
                    adjacent = seq[i + k] == terms[k] || (c.truncated() && k == terms.length - 1
                            && doc.tokens[f][i + k].startsWith(c.words()[k]));
                }
                if (adjacent) {
                    best = 2;
                    break;
                }
                int seen = 1;
                for (int k = 1; k < terms.length; k++) {
                    for (int j = Math.max(0, i - window); j < Math.min(seq.length, i + window); j++) {
                        if (seq[j] == terms[k]) {
                            seen++;
                            break;
                        }
                    }
                }
                if (seen == terms.length) {
                    best = Math.max(best, 1);
                }
            }
        }
        return best;
    }
}
