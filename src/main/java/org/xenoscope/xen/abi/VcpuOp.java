package org.xenoscope.xen.abi;

/** Commands of {@code vcpu_op(cmd, vcpuid, extra)} (#24). */
public final class VcpuOp {
    private VcpuOp() {
    }

    /** Set the initial register state of a VCPU ({@code vcpu_guest_context}). */
    public static final int VCPUOP_INITIALISE = 0;
    /** Bring an initialised VCPU up. */
    public static final int VCPUOP_UP = 1;
    /** Take a VCPU down. */
    public static final int VCPUOP_DOWN = 2;
    /** Returns 1 if the VCPU is up. */
    public static final int VCPUOP_IS_UP = 3;
    /** Runstate times of the VCPU. */
    public static final int VCPUOP_GET_RUNSTATE_INFO = 4;
    /** Ask Xen to keep a runstate area updated. */
    public static final int VCPUOP_REGISTER_RUNSTATE_MEMORY_AREA = 5;
    /** Periodic timer (VIRQ_TIMER). */
    public static final int VCPUOP_SET_PERIODIC_TIMER = 6;
    /** Stop the periodic timer. */
    public static final int VCPUOP_STOP_PERIODIC_TIMER = 7;
    /** One-shot timer. */
    public static final int VCPUOP_SET_SINGLESHOT_TIMER = 8;
    /** Stop the one-shot timer. */
    public static final int VCPUOP_STOP_SINGLESHOT_TIMER = 9;
    /** Move vcpu_info out of shared_info. */
    public static final int VCPUOP_REGISTER_VCPU_INFO = 10;
    /** Send an NMI to the VCPU. */
    public static final int VCPUOP_SEND_NMI = 11;
    /** The physical id of the VCPU's CPU (privileged). */
    public static final int VCPUOP_GET_PHYSID = 12;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(VcpuOp.class, "VCPUOP_");
}
