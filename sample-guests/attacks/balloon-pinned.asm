; balloon-pinned.asm (attack h): free a page table through the balloon.
;
; The balloon driver (paper 3.3.4) gives pages back to Xen with memory_op(XENMEM_decrease_reservation). If Xen
; freed a frame that is still a pinned page table hooked into our L2, the frame could go to another domain while
; our page tables still use it as an L1: that domain's data would become our mappings. Xen never frees a frame
; whose general count is above 0 (xen-abi.md 4.2, 4.5): at most the allocation's reference goes, and the frame
; stays ours until the last reference does.
;
; The guest clears a spare frame (one beyond the boot mapping: pfn nr_pages - 1), pins it as an L1, hooks it
; into its L2 and asks for it to be freed (a PV guest names frames by machine frame number). Either Xen refuses
; (an error, or 0 extents released), or it releases the allocation while the frame stays ours: the guest checks
; that by mapping the frame read-only, which only the owner may do. memory_op may be missing altogether
; (-ENOSYS): nothing is freed then either.
;
; expect-output: attack (h): free a pinned page table through the balloon
; expect-output: mmuext_op(CLEAR_PAGE spare frame): 0
; expect-output: mmuext_op(PIN_L1_TABLE spare frame): 0
; expect-output: mmu_update(L2 slot 511 -> the pinned L1): 0
; expect-output-match: memory_op\(XENMEM_decrease_reservation, the pinned L1\): -?\d+
; expect-output-match: (memory_op is not available \(-ENOSYS\)|an error|no extent released|released, but the frame is still ours while our L2 uses it): nothing was freed
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

MMUEXT_CLEAR_PAGE               equ 16
XENMEM_decrease_reservation     equ 1
SLOT                            equ 511

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov ebx, [start_info]
    mov eax, [ebx + SI_NR_PAGES]
    dec eax
    shl eax, 12
    call mfn_of_va                  ; mfn_list[nr_pages - 1]
    mov [spare], eax
    mov [extents], eax

    mov ebx, MMUEXT_CLEAR_PAGE
    mov ecx, [spare]
    call mmuext1
    MUST msg_clear
    mov ebx, MMUEXT_PIN_L1_TABLE
    mov ecx, [spare]
    call mmuext1
    MUST msg_pin
    xor eax, eax
    call l2_of_va
    shl eax, 12
    lea ebx, [eax + SLOT * 8]
    mov ecx, [spare]
    shl ecx, 12
    or ecx, PDE_FLAGS
    xor edx, edx
    call mmu_update1
    MUST msg_hook

    mov ebx, XENMEM_decrease_reservation
    mov ecx, reservation
    hypercall __HYPERVISOR_memory_op
    mov edx, msg_decrease
    call report
    mov edx, msg_enosys
    cmp eax, -ENOSYS
    je .nothing_freed
    mov edx, msg_error
    test eax, eax
    js .nothing_freed
    mov edx, msg_none
    jz .nothing_freed
    mov ebx, target                 ; "released": is the frame still ours? Only the owner may map it.
    mov eax, [spare]
    mov ecx, PTE_RO_FLAGS
    call map_page
    test eax, eax
    jnz broken
    mov edx, msg_still_ours
.nothing_freed:
    call puts
    mov edx, msg_nothing_freed
    call puts
    jmp all_refused

    ATTACK_LIBRARY

section .rodata
msg_title:          db "attack (h): free a pinned page table through the balloon", 10, 0
msg_clear:          db "mmuext_op(CLEAR_PAGE spare frame): ", 0
msg_pin:            db "mmuext_op(PIN_L1_TABLE spare frame): ", 0
msg_hook:           db "mmu_update(L2 slot 511 -> the pinned L1): ", 0
msg_decrease:       db "memory_op(XENMEM_decrease_reservation, the pinned L1): ", 0
msg_enosys:         db "memory_op is not available (-ENOSYS)", 0
msg_error:          db "an error", 0
msg_none:           db "no extent released", 0
msg_still_ours:     db "released, but the frame is still ours while our L2 uses it", 0
msg_nothing_freed:  db ": nothing was freed", 10, 0
reservation:                        ; struct xen_memory_reservation
    dd extents                      ;   extent_start: the frames to give back
    dd 1                            ;   nr_extents
    dd 0                            ;   extent_order: single pages
    dd 0                            ;   address_bits
    dw DOMID_SELF                   ;   domid
    dw 0

    ATTACK_TAIL
spare:      resd 1
extents:    resd 1
alignb 4096
target:     resb 4096
