; linear-pd-2level.asm (attack d, 2-level): a writable self-map of the page directory.
;
; The paper's flavour (2-level paging, Xen above 0xFC000000). A page-directory entry that names the page
; directory itself turns the PD into the L1 of a 4 MiB window: page k of the window is the frame PD entry k
; names, so the window shows every L1 (and page 512, the PD itself). Our PD entries are writable (RW in a PDE
; costs nothing: Xen counts writable mappings at L1 level only), so if the self-map entry were writable too, the
; window would be a writable view of all our page tables. Xen's linear-page-table rule (xen-abi.md 4.4): such an
; entry must be read-only; then the CPU's rule (RW of all levels ANDed) makes the whole window read-only.
;
; 1. RW self-map: refused.  2. read-only self-map: accepted (read an L1 through it).  3. upgrade it to RW:
; refused.  4. update_va_mapping of a window page, RW: refused (the PD is no L1 to update).  5. write through
; the window: the CPU faults (#PF, write to a present page), our handler skips the write.
;
; expect-output: attack (d): a writable self-map of the page directory (2-level)
; expect-output: mmu_update(PD slot 512 -> the PD, RW): -22
; expect-output: mmu_update(PD slot 512 -> the PD, read-only): 0
; expect-output-match: through the window: 0x[0-9a-f]{8} = entry 0 of our first L1
; expect-output: mmu_update(PD slot 512 -> the PD, now RW): -22
; expect-output: update_va_mapping(window page 0 -> our first L1, RW): -22
; expect-output: write through the window: #PF, error code 0x00000003 (write to a read-only page)
; expect-output: mmu_update(PD slot 512 = 0): 0
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%define TWO_LEVEL
%include "attack.inc"

SLOT        equ 512                 ; va 0x80000000: nothing is mapped there
WINDOW      equ SLOT << 22

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov ebx, trap_table
    hypercall __HYPERVISOR_set_trap_table
    test eax, eax
    jnz setup_failed
    call top_mfn
    mov [pd], eax

    mov ecx, PDE_FLAGS              ; 1. RW self-map
    call set_slot
    REFUSED msg_rw
    mov ecx, PTE_P | PTE_US | PTE_A ; 2. read-only self-map
    call set_slot
    MUST msg_ro
    mov edx, msg_window
    call puts
    mov eax, [WINDOW]
    call print_hex
    mov edx, msg_window_end
    call puts
    mov ecx, PDE_FLAGS              ; 3. upgrade
    call set_slot
    REFUSED msg_upgrade
    xor eax, eax                    ; 4. a window page, RW, with update_va_mapping
    call l1_of_va
    mov ebx, WINDOW
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_uvm

    mov dword [WINDOW], PTE_RW_FLAGS ; 5. write entry 0 of our first L1 through the window: faults
    mov edx, msg_wrote              ; not reached unless the write went through
    call puts
    jmp broken
after_write:
    mov ebx, [pd]
    shl ebx, 12
    add ebx, SLOT * 4
    xor ecx, ecx
    xor edx, edx
    call mmu_update1
    MUST msg_clear
    jmp all_refused

; set_slot: mmu_update(PD entry SLOT = the PD | flags ECX). EAX = result.
set_slot:
    mov eax, [pd]
    shl eax, 12
    or ecx, eax
    mov ebx, eax
    add ebx, SLOT * 4
    xor edx, edx
    jmp mmu_update1

; The #PF handler: [esp] error code, [esp+4] eip. Report and resume at after_write.
pf_handler:
    mov edx, msg_pf
    call puts
    mov eax, [esp]
    call print_hex
    mov edx, msg_pf_end
    call puts
    add esp, 4
    mov dword [esp], after_write
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_STUB_SIZE

    ATTACK_LIBRARY

section .rodata
trap_table:
    TRAP 14, 0, FLAT_RING1_CS, pf_handler
    TRAP 0, 0, 0, 0
msg_title:      db "attack (d): a writable self-map of the page directory (2-level)", 10, 0
msg_rw:         db "mmu_update(PD slot 512 -> the PD, RW): ", 0
msg_ro:         db "mmu_update(PD slot 512 -> the PD, read-only): ", 0
msg_window:     db "through the window: ", 0
msg_window_end: db " = entry 0 of our first L1", 10, 0
msg_upgrade:    db "mmu_update(PD slot 512 -> the PD, now RW): ", 0
msg_uvm:        db "update_va_mapping(window page 0 -> our first L1, RW): ", 0
msg_wrote:      db "write through the window went through", 10, 0
msg_pf:         db "write through the window: #PF, error code ", 0
msg_pf_end:     db " (write to a read-only page)", 10, 0
msg_clear:      db "mmu_update(PD slot 512 = 0): ", 0

    ATTACK_TAIL
pd:         resd 1
