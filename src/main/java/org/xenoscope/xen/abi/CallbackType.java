package org.xenoscope.xen.abi;

/** {@code callback_op(cmd, struct callback_register *)} (#30): commands, callback types and flags. */
public final class CallbackType {
    private CallbackType() {
    }

    /** Register the callback described by {@code callback_register}. */
    public static final int CALLBACKOP_REGISTER = 0;
    /** Unregister the callback of a type. */
    public static final int CALLBACKOP_UNREGISTER = 1;

    /** Event upcall: entered when events are pending and not masked. */
    public static final int CALLBACKTYPE_EVENT = 0;
    /** Failsafe: entered when Xen cannot load the guest's segment registers on return. */
    public static final int CALLBACKTYPE_FAILSAFE = 1;
    /** x86_64 only: the syscall entry. */
    public static final int CALLBACKTYPE_SYSCALL = 2;
    /** Old sysenter number. */
    public static final int CALLBACKTYPE_SYSENTER_DEPRECATED = 3;
    /** NMI callback. */
    public static final int CALLBACKTYPE_NMI = 4;
    /** sysenter entry. */
    public static final int CALLBACKTYPE_SYSENTER = 5;
    /** 32-bit syscall entry. */
    public static final int CALLBACKTYPE_SYSCALL32 = 7;

    /** {@code callback_register.flags}: mask events (set evtchn_upcall_mask) on entry. */
    public static final int CALLBACKF_MASK_EVENTS = 1;

    /** The commands as a table. */
    public static final ConstantSet OP_NAMES = ConstantSet.of(CallbackType.class, "CALLBACKOP_");
    /** The callback types as a table. */
    public static final ConstantSet TYPE_NAMES = ConstantSet.of(CallbackType.class, "CALLBACKTYPE_");
}
