-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "endReason" TEXT;
