; ring0-handler.asm: the hypervisor refuses a trap handler that would run in ring 0.
;
; The paper (§2.1.2): "the only check required is that the handler's code segment does not specify execution
; in ring 0". A guest that could name a ring-0 code selector in its trap table would have Xen jump into its own
; code at ring 0: the end of isolation. So set_trap_table checks every entry's selector and answers -EPERM
; (-1) for Xen's ring-0 code segment 0xe008 (entry 7169, in Xen's part of the GDT) and for any selector with
; RPL 0, such as 0x0008; the flat ring-1 selector 0xe019 is fine.
;
; Run: ./xenoscope run sample-guests/pv/ring0-handler.asm
;
; expect-output: set_trap_table, #PF handler at e008 (Xen's ring-0 code): -1
; expect-output: set_trap_table, #PF handler at 0008 (RPL 0): -1
; expect-output: set_trap_table, #PF handler at e019 (the guest's ring-1 code): 0
; expect-exit: 0
; max-instructions: 50000

%include "pv.inc"

XEN_RING0_CS    equ 0xE008          ; Xen's own code segment (ring 0)
XEN_EPERM       equ 1               ; hypercalls return -errno

section .text
global _start
_start:
    mov esp, stack_top

    mov ebx, table_xen_cs
    mov edx, msg_xen_cs
    call try_table
    cmp eax, -XEN_EPERM
    jne crash                       ; accepting it would be a hypervisor bug: say so with a crash

    mov ebx, table_rpl0
    mov edx, msg_rpl0
    call try_table
    cmp eax, -XEN_EPERM
    jne crash

    mov ebx, table_ring1
    mov edx, msg_ring1
    call try_table
    test eax, eax
    jnz crash
    jmp poweroff

; try_table: set_trap_table(EBX); prints the string at EDX and the result; returns the result in EAX.
try_table:
    hypercall __HYPERVISOR_set_trap_table
    call puts
    call print_dec
    mov edx, msg_newline
    call puts
    ret

; A handler that is never entered: nothing here faults.
pf_handler:
    jmp crash

    PV_LIBRARY

section .rodata
table_xen_cs:
    TRAP 14, 0, XEN_RING0_CS, pf_handler
    TRAP 0, 0, 0, 0
table_rpl0:
    TRAP 14, 0, 0x0008, pf_handler
    TRAP 0, 0, 0, 0
table_ring1:
    TRAP 14, 0, FLAT_RING1_CS, pf_handler
    TRAP 0, 0, 0, 0
msg_xen_cs:     db "set_trap_table, #PF handler at e008 (Xen's ring-0 code): ", 0
msg_rpl0:       db "set_trap_table, #PF handler at 0008 (RPL 0): ", 0
msg_ring1:      db "set_trap_table, #PF handler at e019 (the guest's ring-1 code): ", 0
msg_newline:    db 10, 0

    PV_TAIL "yes"
