import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { useAppInfo } from '../../stores/stores-context'
import { AssetsTable } from './AssetsTable'
import { NoticesTable } from './NoticesTable'
import { useCoreQuery } from './use-core-query'

export function AboutScreen() {
  const { t } = useTranslation()
  const info = useAppInfo((state) => state.info)
  const infoError = useAppInfo((state) => state.error)
  const notices = useCoreQuery('app.notices')
  const assets = useCoreQuery('app.assets')

  return (
    <section className="admin-screen about-screen" aria-labelledby="about-title">
      <div className="screen-header">
        <h1 id="about-title" className="screen-title">
          {t('about.title')}
        </h1>
      </div>
      {infoError ? <ErrorNote message={t('about.loadFailed', { message: infoError.message })} code={infoError.code} /> : null}
      {info ? (
        <dl className="facts" data-testid="about-info">
          <dt>{t('about.product')}</dt>
          <dd data-testid="about-product">{info.product}</dd>
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.version}</dd>
          <dt>{t('about.mode')}</dt>
          <dd data-testid="about-mode">{t(`about.modes.${info.mode}`)}</dd>
          <dt>{t('about.demo')}</dt>
          <dd>{info.demo ? t('about.demoOn') : t('about.demoOff')}</dd>
          <dt>{t('about.ffmpeg')}</dt>
          <dd data-testid="about-ffmpeg" data-available={info.ffmpeg.available}>
            <span className="status-word" data-ok={info.ffmpeg.available}>
              {info.ffmpeg.available ? t('about.ffmpegAvailable') : t('about.ffmpegMissing')}
            </span>
            {info.ffmpeg.source ? <span className="facts__detail">{t('about.ffmpegSource', { source: info.ffmpeg.source })}</span> : null}
            {info.ffmpeg.message ? <span className="facts__detail">{info.ffmpeg.message}</span> : null}
          </dd>
        </dl>
      ) : null}

      <h2 className="section-title">{t('about.assets')}</h2>
      {assets.status === 'error' ? (
        <ErrorNote message={t('about.loadFailed', { message: assets.error.message })} code={assets.error.code} />
      ) : null}
      {assets.status === 'ready' ? <AssetsTable assets={assets.value} /> : null}

      <h2 className="section-title">{t('about.notices')}</h2>
      {notices.status === 'error' ? (
        <ErrorNote message={t('about.loadFailed', { message: notices.error.message })} code={notices.error.code} />
      ) : null}
      {notices.status === 'ready' ? <NoticesTable notices={notices.value} /> : null}
    </section>
  )
}
