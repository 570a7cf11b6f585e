import { CameraOutlined, CloseOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { attachmentUrl, useUploadAttachment } from '../data/attachments.js';
import { useErrorText } from '../i18n/error-text.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { discardRecord, queuePhoto } from '../offline/sync.js';
import { MAX_UPLOAD_BYTES, prepareUpload, toBase64 } from '../util/photos.js';
import { newUuid } from '../util/uuid.js';

interface Uploaded {
  id: string;
  /** Kept on the phone, waiting to send. */
  queued: boolean;
  filename: string;
  isPdf: boolean;
  preview: string;
}

export interface PhotoUploadProps {
  householdId: number | undefined;
  /** Ids of the uploaded attachments (a Form.Item value). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Big buttons for phones. */
  large?: boolean;
  /** With no network, keep the photo on the phone for sending later (the visit form, issue #7). */
  canQueue?: boolean;
  onBusyChange?: (busy: boolean) => void;
}

/** Takes or chooses photos (and PDFs), compresses images, uploads each at once and yields the attachment ids. */
export function PhotoUpload({
  householdId,
  value,
  onChange,
  large,
  canQueue,
  onBusyChange,
}: PhotoUploadProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const uploadAttachment = useUploadAttachment();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(0);
  const camera = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const ids = value ?? [];

  useEffect(() => onBusyChange?.(busy > 0), [busy, onBusyChange]);
  // A form reset empties the value: forget the previews too.
  useEffect(() => {
    if ((value ?? []).length === 0) {
      setFiles([]);
    }
  }, [value]);

  const upload = async (list: FileList | null) => {
    if (!list || !householdId) {
      return;
    }
    const chosen = [...list];
    setBusy((n) => n + chosen.length);
    const added: Uploaded[] = [];
    for (const file of chosen) {
      try {
        const prepared = await prepareUpload(file);
        if (!prepared) {
          void message.error(t('photos.badType', { name: file.name }));
          continue;
        }
        if (prepared.blob.size > MAX_UPLOAD_BYTES) {
          void message.error(t('photos.tooLarge', { name: file.name }));
          continue;
        }
        const id = newUuid();
        const meta = { id, householdId, filename: prepared.filename, mimeType: prepared.mimeType };
        let queued = false;
        if (canQueue && !navigator.onLine) {
          await queuePhoto(meta, prepared.blob);
          queued = true;
        } else {
          try {
            await uploadAttachment.mutateAsync({ ...meta, contentBase64: await toBase64(prepared.blob) });
          } catch (cause) {
            // No answer: kept for sending under the same id (stored once even if this one got through).
            if (!(canQueue && cause instanceof ApiError && cause.status === 0)) {
              throw cause;
            }
            await queuePhoto(meta, prepared.blob);
            queued = true;
          }
        }
        added.push({
          queued,
          id,
          filename: prepared.filename,
          isPdf: prepared.mimeType === 'application/pdf',
          preview: URL.createObjectURL(prepared.blob),
        });
      } catch (cause) {
        void message.error(`${t('photos.failed', { name: file.name })} ${errorText(cause, '')}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (added.length > 0) {
      setFiles((current) => [...current, ...added]);
      onChange?.([...ids, ...added.map((f) => f.id)]);
    }
  };

  const remove = (id: string) => {
    if (files.find((f) => f.id === id)?.queued) {
      void discardRecord(id);
    }
    setFiles((current) => current.filter((f) => f.id !== id));
    onChange?.(ids.filter((x) => x !== id));
  };

  const size = large ? 'large' : 'middle';
  const thumb = large ? 96 : 72;
  return (
    <div>
      <Flex gap={8} wrap>
        <Button
          size={size}
          icon={<CameraOutlined />}
          onClick={() => camera.current?.click()}
          disabled={!householdId}
          style={large ? { minHeight: 48, flex: '1 1 140px' } : undefined}
        >
          {t('photos.take')}
        </Button>
        <Button
          size={size}
          icon={<PaperClipOutlined />}
          onClick={() => chooser.current?.click()}
          disabled={!householdId}
          style={large ? { minHeight: 48, flex: '1 1 140px' } : undefined}
        >
          {t('photos.choose')}
        </Button>
        {busy > 0 ? <Spin size="small" tip={t('photos.uploading')} style={{ alignSelf: 'center' }} /> : null}
      </Flex>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid="photo-camera"
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={chooser}
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = '';
        }}
      />
      {files.length > 0 ? (
        <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="photo-list">
          {files.map((f) => (
            <div key={f.id} style={{ position: 'relative', width: thumb, height: thumb }}>
              {f.isPdf ? (
                <Flex
                  vertical
                  align="center"
                  justify="center"
                  style={{ width: thumb, height: thumb, border: '1px solid #d9d9d9', borderRadius: 6 }}
                >
                  <FilePdfOutlined style={{ fontSize: 24, color: '#cf1322' }} />
                  <Typography.Text ellipsis style={{ maxWidth: thumb - 8, fontSize: 11 }}>
                    {f.filename}
                  </Typography.Text>
                </Flex>
              ) : (
                <Image
                  src={f.preview}
                  alt={f.filename}
                  width={thumb}
                  height={thumb}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                />
              )}
              {f.queued ? (
                <Tag color="orange" style={{ position: 'absolute', left: 2, bottom: 2, marginInlineEnd: 0 }}>
                  {t('offline.pending')}
                </Tag>
              ) : null}
              <Button
                size="small"
                shape="circle"
                danger
                icon={<CloseOutlined />}
                aria-label={`${t('photos.remove')} ${f.filename}`}
                onClick={() => remove(f.id)}
                style={{ position: 'absolute', top: -8, right: -8 }}
              />
            </div>
          ))}
        </Flex>
      ) : null}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
        {t('photos.help')}
      </Typography.Text>
    </div>
  );
}

/** Links to stored attachments (opened in a new tab). */
export function AttachmentLinks({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n();
  if (ids.length === 0) {
    return null;
  }
  return (
    <Flex gap={8} wrap>
      {ids.map((id, i) => (
        <a key={id} href={attachmentUrl(id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {t('photos.open', { n: i + 1 })}
        </a>
      ))}
    </Flex>
  );
}
