package org.xenoscope.xen.abi;

import java.util.Optional;

/**
 * The error codes hypercalls return, as {@code -value} in EAX (Linux/i386 values, Xen's public errno.h).
 * Every code of the ABI sheet (xen-abi.md section 3.3) is here, and no other.
 */
public enum Errno {
    /** Operation not permitted (bad selector, unprivileged caller). */
    EPERM(1),
    /** No such entry (bad VCPU). */
    ENOENT(2),
    /** No such domain. */
    ESRCH(3),
    /** Interrupted. */
    EINTR(4),
    /** I/O error. */
    EIO(5),
    /** No such device or address. */
    ENXIO(6),
    /** Argument list too long. */
    E2BIG(7),
    /** Exec format error. */
    ENOEXEC(8),
    /** Bad file number. */
    EBADF(9),
    /** No child processes. */
    ECHILD(10),
    /** Try again. */
    EAGAIN(11),
    /** Out of memory. */
    ENOMEM(12),
    /** Permission denied (refused by the security module). */
    EACCES(13),
    /** Bad address: guest memory could not be read or written. */
    EFAULT(14),
    /** Device or resource busy. */
    EBUSY(16),
    /** Already exists (VIRQ/PIRQ already bound). */
    EEXIST(17),
    /** Cross-device link. */
    EXDEV(18),
    /** No such device. */
    ENODEV(19),
    /** Invalid argument (any failed page-table, mmuext or descriptor validation). */
    EINVAL(22),
    /** File table overflow. */
    ENFILE(23),
    /** Too many open files. */
    EMFILE(24),
    /** No space left (no free event-channel port). */
    ENOSPC(28),
    /** Read-only file system. */
    EROFS(30),
    /** Too many links. */
    EMLINK(31),
    /** Argument out of domain. */
    EDOM(33),
    /** Result out of range. */
    ERANGE(34),
    /** Deadlock would occur. */
    EDEADLK(35),
    /** Name too long. */
    ENAMETOOLONG(36),
    /** No record locks available. */
    ENOLCK(37),
    /** Function not implemented: unknown hypercall or sub-command. */
    ENOSYS(38),
    /** Directory not empty. */
    ENOTEMPTY(39),
    /** No data available. */
    ENODATA(61),
    /** Timer expired. */
    ETIME(62),
    /** Not a data message. */
    EBADMSG(74),
    /** Value too large. */
    EOVERFLOW(75),
    /** Illegal byte sequence. */
    EILSEQ(84),
    /** Interrupted; should be restarted. */
    ERESTART(85),
    /** Not a socket. */
    ENOTSOCK(88),
    /** Message too long. */
    EMSGSIZE(90),
    /** Operation not supported. */
    EOPNOTSUPP(95);

    private final int value;

    Errno(int value) {
        this.value = value;
    }

    /** The positive errno value (EINVAL = 22). */
    public int value() {
        return value;
    }

    /** What a hypercall returns in EAX for this error (EINVAL = -22). */
    public int negative() {
        return -value;
    }

    /** The error a hypercall result stands for, if it is {@code -value} of a known code. */
    public static Optional<Errno> fromNegative(int result) {
        for (Errno e : values()) {
            if (e.negative() == result) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Name of a negative hypercall result for traces: {@code -22} gives {@code "EINVAL"}; any other value
     * (success, or a code the ABI does not define) gives the number in decimal.
     */
    public static String name(int negativeValue) {
        return fromNegative(negativeValue).map(Enum::name).orElse(Integer.toString(negativeValue));
    }
}
