/**
 * Fixture trees for {@link org.xenoscope.ArchitectureTest}: not part of Xenoscope.
 *
 * <p>{@code good} mirrors the layering of style-anchors §4 using every allowed dependency; {@code bad} breaks each
 * architecture rule once (Swing in the machine, machine to xen, asm to cli, package cycles). The architecture rules
 * are run against both, so a rule that can no longer fail is noticed. The classes only hold references; nothing
 * here is ever executed.
 */
package org.xenoscope.archfixture;
