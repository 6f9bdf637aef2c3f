/**
 * A checkpoint outside a CRaC JDK, for tests and the cold-start benchmark: org.crac delegates to
 * the package named by the system property {@code org.crac.Core.Compat}, and this package is one,
 * with the {@code Core}, {@code Context}, {@code Resource} and exceptions org.crac looks up by name.
 *
 * <p>Without it org.crac finds no implementation on Java 17, registers nothing and refuses to
 * checkpoint; its own global context answers "should not call this". With it, a test takes a
 * snapshot through org.crac's real API, {@code org.crac.Core.checkpointRestore()}, and the
 * function's hooks run as Lambda runs them: before the snapshot in the reverse order of their
 * registration, after the restore in their order. Product code holds no simulation of its own.
 *
 * <p>The property must be set before org.crac's {@code Core} is first loaded: the build sets it
 * for every test JVM, and the benchmark on the launcher's command line.
 */
package dev.smsbilling.http.testing.crac;
