import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../electron/shared/contract'

type AssetStatus = MethodOutput<'app.assets'>[number]

export function AssetsTable({ assets }: { assets: AssetStatus[] }) {
  const { t } = useTranslation()
  if (assets.length === 0) return <p className="empty-state">{t('about.assetsEmpty')}</p>
  const missing = assets.some((asset) => !asset.present)
  return (
    <>
      {missing ? (
        <p className="note note--warn" data-testid="about-assets-missing">
          {t('about.assetsMissingHint')}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="about-assets">
          <thead>
            <tr>
              <th scope="col">{t('about.assetColumns.id')}</th>
              <th scope="col">{t('about.assetColumns.kind')}</th>
              <th scope="col">{t('about.assetColumns.status')}</th>
              <th scope="col">{t('about.assetColumns.path')}</th>
            </tr>
          </thead>
          <tbody>
            {assets.map((asset) => (
              <tr key={asset.id} data-present={asset.present}>
                <th scope="row">{asset.id}</th>
                <td>{asset.kind}</td>
                <td>
                  <span className="status-word" data-ok={asset.present}>
                    {asset.present ? t('about.assetPresent') : t('about.assetMissing')}
                  </span>
                </td>
                <td className="data-table__source">
                  <code>{asset.path}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
