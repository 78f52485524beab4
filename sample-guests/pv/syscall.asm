; syscall.asm: the paper's fast system-call path: ring 3 enters the ring-1 guest kernel without Xen.
;
; Every exception goes through Xen (trap-pf.asm), which costs a hypervisor entry. The paper (§2.1.2) lets the
; guest register a "fast" handler for system calls: when the trap-table entry for `int 0x80` allows ring 3
; (DPL 3) and does not ask Xen to mask events, Xen writes it into the *real* IDT as a gate straight to the
; guest's handler. `int 0x80` from ring 3 then goes from ring 3 to ring 1 in the CPU alone: the CPU switches to the
; ring-1 stack Xen keeps in the TSS (we set it with stack_switch) and pushes [eip, cs, eflags, esp, ss]; the
; handler returns with an ordinary `iret`.
;
; Other vectors keep Xen's own gate. `int 0x20` (DPL 3 in our trap table too) therefore reaches Xen first as a
; #GP (the real gate is not for ring 3); Xen checks our trap table, sees DPL 3, and bounces vector 0x20 to our
; handler. The trace (`--trace FILE`) shows it: one exception event for 0x20, none for the three `int 0x80`s.
;
;   ring 1 kernel                          ring 3 user code
;   exec_user --iret hypercall----------->  user_main: int 0x80  ---CPU gate--> syscall_entry (ring 1)
;                                                      <----------- iret ----
;                                          ... two more ...
;   ret_to_kernel <--Xen (#GP -> 0x20)----  int 0x20
;
; Run: ./xenoscope run sample-guests/pv/syscall.asm --trace trace.jsonl
;
; expect-output: entering ring 3
; expect-output: int 0x80 in ring 1: system call 3 from ring 3
; expect-output: int 0x80 in ring 1: system call 2 from ring 3
; expect-output: int 0x80 in ring 1: system call 1 from ring 3
; expect-output: back in the kernel (ring 1) after 3 system calls
; expect-exit: 0
; max-instructions: 50000

%include "pv.inc"

section .text
global _start
_start:
    mov esp, stack_top
    mov [start_info], esi

    ; 1. The ring-1 stack for events that arrive while ring 3 runs (the TSS's SS1:ESP1).
    mov ebx, FLAT_RING1_DS
    mov ecx, trap_stack_top
    hypercall __HYPERVISOR_stack_switch
    test eax, eax
    jnz crash

    ; 2. The trap table: int 0x80 and int 0x20, both DPL 3 (ring 3 may use them), neither masks events.
    mov ebx, trap_table
    hypercall __HYPERVISOR_set_trap_table
    test eax, eax
    jnz crash

    ; 3. Ring 3 may only touch pages whose PTEs have the U bit; the builder's have none. Give it to the user
    ;    code page (read-only) and the user stack page (writable).
    mov ebx, user_code
    mov edi, PTE_P | PTE_US
    call map_user
    mov ebx, user_stack
    mov edi, PTE_P | PTE_RW | PTE_US
    call map_user

    ; 4. Data selectors ring 3 may use: an `iret` to ring 3 would clear DS/ES holding ring-1 selectors.
    mov ax, FLAT_RING3_DS
    mov ds, ax
    mov es, ax

    mov edx, msg_enter
    call puts
    call exec_user                  ; returns when ring 3 does int 0x20

    mov edx, msg_back
    call puts
    mov eax, [syscalls]
    call print_dec
    mov edx, msg_back_end
    call puts
    cmp dword [syscalls], 3
    jne crash
    jmp poweroff

; map_user: sets the PTE of page EBX to its own frame | EDI (update_va_mapping).
map_user:
    mov eax, ebx
    shr eax, 12                     ; pfn (VA == pseudo-physical)
    mov ecx, [start_info]
    mov ecx, [ecx + SI_MFN_LIST]
    mov ecx, [ecx + eax * 4]        ; mfn
    mov edx, ecx
    shr edx, 20                     ; pte_hi
    shl ecx, 12
    or ecx, edi                     ; pte_lo
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    test eax, eax
    jnz crash
    ret

; exec_user: runs user_main in ring 3; returns when it does int 0x20.
; The iret hypercall takes [eax, eip, cs, eflags, esp, ss] from the stack (the stub pushes EAX): with a ring-3
; CS it loads ESP and SS from the frame too, so it doubles as "enter user mode".
exec_user:
    pushad
    mov [kernel_esp], esp           ; ret_to_kernel comes back to this stack
    push FLAT_RING3_DS              ; ss
    push user_stack + 4096          ; esp
    push 0x200                      ; eflags: IF (Xen keeps interrupts on anyway)
    push FLAT_RING3_CS              ; cs
    push user_main                  ; eip
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_STUB_SIZE
.back:
    popad
    ret

; int 0x80, straight from ring 3 through the CPU's gate: the frame is the CPU's own [eip, cs, eflags, esp, ss],
; on the TSS's ring-1 stack (trap_stack). EAX carries the system call's argument.
syscall_entry:
    pushad
    inc dword [syscalls]
    mov edx, msg_syscall
    call puts
    call print_dec                  ; EAX, the number user_main passed
    mov edx, msg_from
    call puts
    mov eax, [esp + 32 + 4]         ; the caller's CS
    and eax, 3                      ; its RPL: the ring it ran in
    call print_dec
    mov edx, msg_newline
    call puts
    popad
    iret                            ; ring 1 -> ring 3: a plain iret, no hypercall needed

; int 0x20 from ring 3, bounced by Xen onto trap_stack: forget that frame and the ring-3 context, and return
; from exec_user on the kernel stack.
ret_to_kernel:
    mov esp, [kernel_esp]
    jmp exec_user.back

    PV_LIBRARY

; The user program: its own page, so that only it gets the U bit.
section .text.user progbits alloc exec nowrite align=4096
user_code:
user_main:
    mov eax, 3
.again:
    int 0x80                        ; system call: ring 3 -> ring 1 directly
    dec eax
    jnz .again
    int 0x20                        ; back to the kernel, through Xen
.hang:
    jmp .hang                       ; not reached
    align 4096, db 0xCC             ; fill the page: nothing else shares the U bit

section .rodata
trap_table:
    TRAP 0x80, 3, FLAT_RING1_CS, syscall_entry  ; DPL 3, events not masked: a direct gate
    TRAP 0x20, 3, FLAT_RING1_CS, ret_to_kernel  ; DPL 3: ring 3 may int 0x20 (Xen re-dispatches the #GP)
    TRAP 0, 0, 0, 0
msg_enter:      db "entering ring 3", 10, 0
msg_syscall:    db "int 0x80 in ring 1: system call ", 0
msg_from:       db " from ring ", 0
msg_newline:    db 10, 0
msg_back:       db "back in the kernel (ring 1) after ", 0
msg_back_end:   db " system calls", 10, 0

    PV_TAIL "yes"

section .bss
start_info:     resd 1
kernel_esp:     resd 1
syscalls:       resd 1
alignb 16
trap_stack:     resb 4096
trap_stack_top:

section .bss.user nobits alloc noexec write align=4096
user_stack:     resb 4096
