-- AlterTable
ALTER TABLE "material" ADD COLUMN     "audio_file_id" UUID;

-- AlterTable
ALTER TABLE "stored_file" ADD COLUMN     "duration_ms" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "material_audio_file_id_key" ON "material"("audio_file_id");

-- AddForeignKey
ALTER TABLE "material" ADD CONSTRAINT "material_audio_file_id_fkey" FOREIGN KEY ("audio_file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;
