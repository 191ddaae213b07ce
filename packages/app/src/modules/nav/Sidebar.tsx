import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import {
  NavContentBlueprint,
  type NavContentNavItem,
} from '@backstage/plugin-app-react';
import { useLocation } from 'react-router-dom';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';

const isUnder = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href.replace(/\/$/, '')}/`);

/**
 * A page's sidebar item, highlighted only when no other page is a closer match: on
 * `/itsm/changes/CHG-1` "Changes" is highlighted, not also "Incidents" (`/itsm`).
 */
function NavItem(props: { item: NavContentNavItem; hrefs: string[] }) {
  const { item, hrefs } = props;
  const { pathname } = useLocation();
  const closerMatch = hrefs.some(
    href =>
      href.length > item.href.length &&
      isUnder(href, item.href) &&
      isUnder(pathname, href),
  );
  return (
    <SidebarItem
      icon={() => item.icon}
      to={item.href}
      text={item.title}
      // `end`: only the exact path would match, and a closer page holds the location.
      end={closerMatch}
    />
  );
}

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const hrefs = navItems
        .clone()
        .rest()
        .map(item => item.href);
      const nav = navItems.withComponent(item => (
        <NavItem item={item} hrefs={hrefs} />
      ));

      // Skipped items
      nav.take('page:search'); // Using search modal instead
      nav.take('page:notifications'); // Using NotificationsSidebarItem manually instead

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:home')}
            {nav.take('page:catalog')}
            {nav.take('page:scaffolder')}
            <SidebarDivider />
            {/* Service management (ITSM): incidents, the change practice, problems, then the
                customer side: service reviews and complaints, then continual improvement */}
            {nav.take('page:itsm')}
            {nav.take('page:itsm/changes')}
            {nav.take('page:itsm/approvals')}
            {nav.take('page:itsm/change-calendar')}
            {nav.take('page:itsm/problems')}
            {nav.take('page:itsm/known-errors')}
            {nav.take('page:itsm/reviews')}
            {nav.take('page:itsm/complaints')}
            {nav.take('page:itsm/improvements')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <NotificationsSidebarItem />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:app-visualizer')}
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
