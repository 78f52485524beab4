package org.xenoscope.machine.intr;

/**
 * An exception raised while executing an instruction (a fault: the instruction has not changed any register yet,
 * so EIP is rolled back to it). Thrown by instruction handlers and caught by the run loop, which delivers it
 * through the IDT. Carries no stack trace: faults are ordinary events for a guest.
 */
public final class CpuFault extends RuntimeException {
    public final int vector;
    public final boolean hasErrorCode;
    public final int errorCode;
    /** For #PF: the faulting linear address, which delivery writes to CR2. */
    public final int linear;

    public CpuFault(int vector, int errorCode) {
        this(vector, errorCode, 0);
    }

    public CpuFault(int vector, int errorCode, int linear) {
        super(null, null, false, false);
        this.vector = vector;
        this.hasErrorCode = Vector.hasErrorCode(vector);
        this.errorCode = errorCode;
        this.linear = linear;
    }

    public static CpuFault pf(int linear, int err) {
        return new CpuFault(Vector.PF, err, linear);
    }

    public static CpuFault gp(int err) {
        return new CpuFault(Vector.GP, err);
    }

    public static CpuFault ud() {
        return new CpuFault(Vector.UD, 0);
    }

    public static CpuFault ss(int err) {
        return new CpuFault(Vector.SS, err);
    }

    public static CpuFault np(int err) {
        return new CpuFault(Vector.NP, err);
    }

    @Override
    public String getMessage() {
        return Vector.name(vector) + (hasErrorCode ? String.format(" (error code 0x%x)", errorCode) : "");
    }
}
