/**
 * Navette used as a library, one class per use: the README's "Using the library" section as code
 * that compiles and whose tests run it on real files and a real Zebra server. Each class has a
 * {@code main} to try it on your own files, and one method that does the work and returns what a
 * caller would look at.
 *
 * <pre>{@code
 * ReadAndDeduplicate.Result r = ReadAndDeduplicate.run(List.of(Path.of("a.mrc"), Path.of("b.mrc")), "title=opera");
 * System.out.println(r.clusters() + " works, best: " + r.bestTitles());
 * }</pre>
 */
@NullMarked
package org.navette.examples;

import org.jspecify.annotations.NullMarked;
