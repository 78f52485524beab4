package org.xenoscope.xen;

import org.xenoscope.xen.abi.Errno;

/**
 * Thrown inside a hypercall handler to return {@code -errno} to the guest (Xen's {@code return -EINVAL;} from
 * deep inside a handler). Never escapes the hypervisor: the dispatcher turns it into EAX.
 */
public final class HypercallError extends RuntimeException {
    private final Errno errno;

    public HypercallError(Errno errno, String why) {
        super(why, null, false, false);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }

    /** The value the guest sees in EAX. */
    public int result() {
        return errno.negative();
    }
}
