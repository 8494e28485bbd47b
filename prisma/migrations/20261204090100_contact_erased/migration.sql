-- AlterEnum
ALTER TYPE "warning_step_kind" ADD VALUE 'CONTACT_ERASED';
