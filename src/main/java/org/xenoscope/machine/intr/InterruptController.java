package org.xenoscope.machine.intr;

/**
 * What the CPU sees of an external interrupt controller: the INTR line and the interrupt-acknowledge cycle.
 */
public interface InterruptController {
    /** True while the controller asserts INTR (an unmasked request is waiting). */
    boolean intrAsserted();

    /** The INTA cycle: returns the vector of the highest-priority request and marks it in service. */
    int acknowledge();

    /** A controller with nothing attached. */
    InterruptController NONE = new InterruptController() {
        @Override
        public boolean intrAsserted() {
            return false;
        }

        @Override
        public int acknowledge() {
            return 0xFF;
        }
    };
}
