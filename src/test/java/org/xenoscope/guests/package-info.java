/**
 * Tests of the shipped sample guests, built with the real toolchain and run on three machines that must agree:
 * the host (Linux builds of the C programs), QEMU ({@code qemu-system-i386 -kernel}), and, through the same
 * {@link org.xenoscope.guests.GuestBuilds} helper, Xenoscope's own machine. The paravirtualised guests
 * ({@link org.xenoscope.guests.PvGuests}) are built, their Xen ELF notes checked, and run on the host under the
 * hostxen stand-in until the hypervisor exists.
 *
 * <p>Invariants: every shipped guest is found by {@link org.xenoscope.guests.GuestBuilds#guests()} or
 * {@link org.xenoscope.guests.PvGuests#guests()} and the tests assert how many there are; a guest's expected
 * outcome lives only in its source header (exact lines, or patterns for values only the run knows); builds go to
 * {@code target/guests}, never into the source tree.
 */
package org.xenoscope.guests;
